package io.streamplane.engine.compile.internal.window;

import java.util.LinkedHashMap;
import java.util.Optional;

import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.MissingKey;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.RecordMeta;
import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs just before a window aggregation, in the same sub-topology, and decides what the
 * aggregation may see, so that it never drops a record on its own:
 * <ul>
 * <li>it keeps the stream time, the largest event time seen, in memory and in a cached state
 * store (so it survives restarts and is never behind the aggregation's own, which only sees what
 * passes here and is committed together with it), and
 * fails every record that {@link Lateness} finds too late;</li>
 * <li>it fails records without a key ({@link MissingKey});</li>
 * <li>it evaluates every aggregation's argument and condition ({@link AggregateInputs}), failing
 * the record on an expression error or a non-number for {@code sum} and {@code avg}, and forwards only the results, the key field and the
 * event time, which keeps the window state small.</li>
 * </ul>
 * Failed and late records go to its dead-letter child only. End-of-input markers advance the
 * stream time and pass on.
 */
public final class WindowInput implements FixedKeyProcessor<String, Row, Row> {

	/** The field that carries the event time to the {@link WindowFolder}. */
	public static final String TIME = "\u0000time";

	/** What a window does per key, for the reason a record without a key fails with ({@link MissingKey}). */
	public static final String NEED = "a window groups by key";

	private static final String STREAM_TIME = "stream-time";

	private final String path;

	private final String deadLetter;

	private final Lateness lateness;

	private final AggregateInputs arguments;

	private final String keyField;

	private final MissingKey missingKey;

	private final String storeName;

	private final RecordMeta meta = new RecordMeta();

	private FixedKeyProcessorContext<String, Row> context;

	private KeyValueStore<String, Long> store;

	private long streamTime;

	WindowInput(String path, String deadLetter, Lateness lateness, AggregateInputs arguments,
			String keyField, String storeName) {
		this.path = path;
		this.deadLetter = deadLetter;
		this.lateness = lateness;
		this.arguments = arguments;
		this.keyField = keyField;
		this.missingKey = new MissingKey(keyField, NEED);
		this.storeName = storeName;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, Row> context) {
		this.context = context;
		meta.attach(context);
		this.store = context.getStateStore(storeName);
		Long stored = store.get(STREAM_TIME);
		this.streamTime = stored == null ? Long.MIN_VALUE : stored;
	}

	@Override
	public void process(FixedKeyRecord<String, Row> record) {
		Row row = record.value();
		if (record.timestamp() > streamTime) {
			streamTime = record.timestamp();
			store.put(STREAM_TIME, streamTime);
		}
		if (row.marker()) {
			context.forward(record);
			return;
		}
		Optional<String> late = lateness.check(record.timestamp(), streamTime);
		if (late.isPresent()) {
			context.forward(record.withValue(row.fail(Failure.late(path, late.get()))), deadLetter);
			return;
		}
		try {
			context.forward(record.withValue(inputs(record, row)));
		}
		catch (RecordException ex) {
			context.forward(record.withValue(row.fail(Failure.of(path, ex))), deadLetter);
		}
	}

	private Row inputs(FixedKeyRecord<String, Row> record, Row row) {
		if (record.key() == null) {
			throw missingKey.failure();
		}
		LinkedHashMap<String, Object> values = new LinkedHashMap<>();
		if (keyField != null) {
			values.put(keyField, row.fields().get(keyField));
		}
		meta.at(record.timestamp(), record.key());
		arguments.evaluate(record.key(), row, meta, values);
		values.put(TIME, record.timestamp());
		return Row.owning(values, row.origin(), false);
	}

}
