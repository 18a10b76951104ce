package io.streamplane.engine.compile.internal.operator;

import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.RecordMeta;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.DeadLetters;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A step that keeps the record key: passes end-of-input markers on untouched, applies itself to
 * every other record, and turns a {@link RecordException} into a failed row named by the step's
 * spec path, forwarded to its {@link DeadLetters#child dead-letter child} only.
 */
public abstract class RowOperator implements FixedKeyProcessor<String, Row, Row> {

	private final String path;

	private final String deadLetter;

	private final RecordMeta meta = new RecordMeta();

	private FixedKeyProcessorContext<String, Row> context;

	/**
	 * @param path the step's spec path
	 * @param deadLetter the node name of the dead-letter child
	 */
	protected RowOperator(String path, String deadLetter) {
		this.path = path;
		this.deadLetter = deadLetter;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, Row> context) {
		this.context = context;
		meta.attach(context);
	}

	@Override
	public final void process(FixedKeyRecord<String, Row> record) {
		Row row = record.value();
		if (row.marker()) {
			context.forward(record);
			return;
		}
		try {
			apply(record, next -> context.forward(record.withValue(next)));
		}
		catch (RecordException ex) {
			context.forward(record.withValue(row.fail(Failure.of(path, ex))), deadLetter);
		}
	}

	/**
	 * Applies the step to one record, with {@link #meta()} moved to it; for a caller that forwards
	 * the results itself, such as a step of a table's changelog, after {@link #init}.
	 */
	public final void apply(FixedKeyRecord<String, Row> record, Consumer<Row> out) {
		meta.at(record.timestamp(), record.key());
		apply(record.key(), record.value(), out);
	}

	/** The metadata of the record being applied, for expressions that read {@code meta}. */
	protected final RecordMeta meta() {
		return meta;
	}

	/**
	 * Applies the step to one record.
	 * @param key the record key, possibly {@code null}
	 * @param row the record
	 * @param out receives the resulting records, none to drop it
	 */
	public abstract void apply(String key, Row row, Consumer<Row> out);

}
