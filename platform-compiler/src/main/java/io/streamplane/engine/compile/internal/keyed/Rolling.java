package io.streamplane.engine.compile.internal.keyed;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.MissingKey;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.RecordMeta;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.window.AggregateInputs;
import io.streamplane.engine.compile.internal.window.DecimalCheck;
import io.streamplane.engine.compile.internal.window.WindowFolder;
import io.streamplane.engine.compile.internal.window.WindowInput;
import io.streamplane.engine.compile.internal.window.WindowState;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.Step;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@code rolling: { range: 24h, slice: 1m }}: folds each record into its key's slice (one
 * {@link RollingState} entry per key, read and written once per record) and adds the aggregates of
 * the slices of {@code [sliceEnd - range, sliceEnd)} to the record. A record costs one merge per
 * slice of the range that holds records, at most {@code range / slice}, whatever the rate.
 * <p>
 * Like a window it keeps the stream time (largest event time of the partition, in a cached store)
 * and dead-letters, as late, a record whose slice ended {@code lateness} or more before it; slices
 * that no record on time can see any more are dropped when their key next changes. A record without
 * a key ({@link MissingKey}) or whose argument fails goes to the dead-letter child and leaves the state as it was.
 */
final class Rolling implements FixedKeyProcessor<String, Row, Row> {

	/** What a rolling step does per key, for the reason a record without a key fails with ({@link MissingKey}). */
	static final String NEED = "a rolling step aggregates per key";

	private static final String STREAM_TIME = "stream-time";

	private final String path;

	private final String deadLetter;

	private final RollingStores stores;

	private final long range;

	private final long slice;

	private final Duration lateness;

	private final WindowFolder folder;

	private final AggregateInputs arguments;

	private final MissingKey missingKey;

	private final RecordMeta meta = new RecordMeta();

	private FixedKeyProcessorContext<String, Row> context;

	private KeyValueStore<String, RollingState> states;

	private KeyValueStore<String, Long> times;

	private long streamTime;

	Rolling(String path, String deadLetter, RollingStores stores, Step.Rolling step, Duration lateness,
			AggregateInputs arguments, String keyField) {
		this.path = path;
		this.deadLetter = deadLetter;
		this.stores = stores;
		this.range = step.range().toMillis();
		this.slice = step.slice().toMillis();
		this.lateness = lateness;
		this.folder = new WindowFolder(step.aggregations(), null);
		this.arguments = arguments;
		this.missingKey = new MissingKey(keyField, NEED);
	}

	@Override
	public void init(FixedKeyProcessorContext<String, Row> context) {
		this.context = context;
		meta.attach(context);
		this.states = context.getStateStore(stores.state());
		this.times = context.getStateStore(stores.streamTime());
		Long stored = times.get(STREAM_TIME);
		this.streamTime = stored == null ? Long.MIN_VALUE : stored;
	}

	@Override
	public void process(FixedKeyRecord<String, Row> record) {
		Row row = record.value();
		long time = record.timestamp();
		if (time > streamTime) {
			streamTime = time;
			times.put(STREAM_TIME, streamTime);
		}
		if (row.marker()) {
			context.forward(record);
			return;
		}
		long start = time - Math.floorMod(time, slice);
		long end = start + slice;
		if (end + lateness.toMillis() <= streamTime) {
			context.forward(record.withValue(row.fail(Failure.late(path, late(time, start, end)))), deadLetter);
			return;
		}
		try {
			context.forward(record.withValue(row.withAll(apply(record.key(), row, time, start, end))));
		}
		catch (RecordException ex) {
			context.forward(record.withValue(row.fail(Failure.of(path, ex))), deadLetter);
		}
	}

	private Map<String, Object> apply(String key, Row row, long time, long start, long end) {
		if (key == null) {
			throw missingKey.failure();
		}
		LinkedHashMap<String, Object> inputs = new LinkedHashMap<>();
		meta.at(time, key);
		arguments.evaluate(key, row, meta, inputs);
		inputs.put(WindowInput.TIME, time);
		RollingState before = states.get(key);
		before = before == null ? RollingState.EMPTY : before;
		WindowState sliceState = before.slice(start);
		WindowState added = folder.add(key, Row.owning(inputs, row.origin(), false),
				sliceState == null ? folder.initial() : sliceState);
		RollingState after = before.with(start, added, oldestVisible());
		Map<String, Object> results = results(after, end - range, end);
		DecimalCheck.check(folder.aggregations(), results);
		states.put(key, after);
		return results;
	}

	/** The start of the oldest slice a record on time can still see. */
	private long oldestVisible() {
		long earliestOnTime = streamTime - lateness.toMillis();
		long earliestEnd = (Math.floorDiv(earliestOnTime, slice) + 1) * slice;
		return earliestEnd - range;
	}

	private Map<String, Object> results(RollingState state, long from, long until) {
		WindowState total = folder.initial();
		for (RollingState.Slice each : state.slices()) {
			if (each.start() >= from && each.start() < until) {
				total = total.merge(each.state());
			}
		}
		Map<String, Object> results = new LinkedHashMap<>();
		List<Aggregation> aggregations = folder.aggregations();
		for (int i = 0; i < aggregations.size(); i++) {
			results.put(aggregations.get(i).name(), total.accumulators().get(i).result());
		}
		return results;
	}

	private String late(long time, long start, long end) {
		return "late record: event time " + Instant.ofEpochMilli(time) + " falls in the slice [" +
				Instant.ofEpochMilli(start) + ", " + Instant.ofEpochMilli(end) + "), which closed at " +
				Instant.ofEpochMilli(end + lateness.toMillis()) + " (slice end + lateness " + lateness + "); stream time is " +
				Instant.ofEpochMilli(streamTime);
	}

}
