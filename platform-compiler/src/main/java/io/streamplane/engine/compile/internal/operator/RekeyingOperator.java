package io.streamplane.engine.compile.internal.operator;

import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.RecordMeta;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.DeadLetters;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A step that gives records a new key, the key-changing sibling of {@link RowOperator}: passes
 * end-of-input markers on untouched, applies itself to every other record, and turns a
 * {@link RecordException} into a failed row named by the step's spec path, forwarded to its
 * {@link DeadLetters#child dead-letter child} only.
 */
public abstract class RekeyingOperator implements Processor<String, Row, String, Row> {

	/** Receives a record's new key and row. */
	@FunctionalInterface
	protected interface Output {

		void accept(String key, Row row);

	}

	private final String path;

	private final String deadLetter;

	private final RecordMeta meta = new RecordMeta();

	private ProcessorContext<String, Row> context;

	/**
	 * @param path the step's spec path
	 * @param deadLetter the node name of the dead-letter child
	 */
	protected RekeyingOperator(String path, String deadLetter) {
		this.path = path;
		this.deadLetter = deadLetter;
	}

	@Override
	public void init(ProcessorContext<String, Row> context) {
		this.context = context;
		meta.attach(context);
	}

	@Override
	public final void process(Record<String, Row> record) {
		Row row = record.value();
		if (row.marker()) {
			context.forward(record);
			return;
		}
		meta.at(record.timestamp(), record.key());
		try {
			// one Record, not withKey().withValue(): each copies the headers
			apply(record.key(), row,
					(key, next) -> context.forward(new Record<>(key, next, record.timestamp(), record.headers())));
		}
		catch (RecordException ex) {
			context.forward(record.withValue(row.fail(Failure.of(path, ex))), deadLetter);
		}
	}

	/** The metadata of the record being applied, for expressions that read {@code meta}. */
	protected final RecordMeta meta() {
		return meta;
	}

	/**
	 * Applies the step to one record.
	 * @param key the record key, possibly {@code null}
	 * @param row the record
	 * @param out receives the re-keyed records, none to drop it
	 */
	protected abstract void apply(String key, Row row, Output out);

}
