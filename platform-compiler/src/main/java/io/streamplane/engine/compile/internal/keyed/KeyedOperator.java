package io.streamplane.engine.compile.internal.keyed;

import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.MissingKey;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.RecordMeta;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.DeadLetters;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A step that keeps state per record key in one state store: passes end-of-input markers on
 * untouched, fails records without a key ({@link MissingKey}), applies itself to every other record with its event
 * time, and turns a {@link RecordException} into a failed row named by the step's spec path,
 * forwarded to its {@link DeadLetters#child dead-letter child} only. A failed record leaves the
 * state as it was.
 *
 * @param <S> the type of the state store
 */
abstract class KeyedOperator<S extends StateStore> implements FixedKeyProcessor<String, Row, Row> {

	/** What a per-key step does, for the reason a record without a key fails with ({@link MissingKey}). */
	static final String NEED = "this step keeps state per key";

	private final String path;

	private final String deadLetter;

	private final String storeName;

	private final MissingKey missingKey;

	private final RecordMeta meta = new RecordMeta();

	private FixedKeyProcessorContext<String, Row> context;

	private S store;

	/**
	 * @param path the step's spec path
	 * @param deadLetter the node name of the dead-letter child
	 * @param storeName the state store
	 * @param keyField the field that holds the stream's key, or {@code null}, to say why a record has none
	 */
	KeyedOperator(String path, String deadLetter, String storeName, String keyField) {
		this.path = path;
		this.deadLetter = deadLetter;
		this.storeName = storeName;
		this.missingKey = new MissingKey(keyField, NEED);
	}

	@Override
	public final void init(FixedKeyProcessorContext<String, Row> context) {
		this.context = context;
		meta.attach(context);
		this.store = context.getStateStore(storeName);
	}

	@Override
	public final void process(FixedKeyRecord<String, Row> record) {
		Row row = record.value();
		if (row.marker()) {
			context.forward(record);
			return;
		}
		try {
			if (record.key() == null) {
				throw missingKey.failure();
			}
			meta.at(record.timestamp(), record.key());
			apply(store, record.key(), row, record.timestamp(), next -> context.forward(record.withValue(next)));
		}
		catch (RecordException ex) {
			context.forward(record.withValue(row.fail(Failure.of(path, ex))), deadLetter);
		}
	}

	/** The metadata of the record being applied, for expressions that read {@code meta}. */
	final RecordMeta meta() {
		return meta;
	}

	/**
	 * Applies the step to one record.
	 * @param store the state store
	 * @param key the record key
	 * @param row the record
	 * @param time its event time, epoch milliseconds
	 * @param out receives the resulting records, none to drop it
	 */
	abstract void apply(S store, String key, Row row, long time, Consumer<Row> out);

}
