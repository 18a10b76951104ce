package io.streamplane.engine.compile.internal.interval;

import java.time.Instant;

import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs on each side just before a stream–stream join, in its sub-topology, and dead-letters the
 * records the join can no longer join correctly. Both sides share one stream time, the largest
 * event time either has seen in the task ({@link SharedStreamTime}), kept in a cached state
 * store. A record is late when {@code time + allowed < streamTime}, the allowed lag depending on
 * the join's type ({@link LateBound}): under an inner join, its window of matches,
 * {@code [time - within, time + within]}, closed more than the lateness ago, so matches may have
 * expired from the join's window stores, and Kafka Streams would join it with whatever is left or
 * drop it silently. End-of-input markers advance the stream time and pass on.
 */
final class IntervalLateness implements FixedKeyProcessor<String, Row, Row> {

	private final String path;

	private final String deadLetter;

	private final LateBound bound;

	private final long allowed;

	private final String storeName;

	private final SharedStreamTime shared;

	private FixedKeyProcessorContext<String, Row> context;

	private SharedStreamTime.Clock clock;

	IntervalLateness(String path, String deadLetter, LateBound bound, String storeName, SharedStreamTime shared) {
		this.path = path;
		this.deadLetter = deadLetter;
		this.bound = bound;
		this.allowed = bound.allowed().toMillis();
		this.storeName = storeName;
		this.shared = shared;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, Row> context) {
		this.context = context;
		KeyValueStore<String, Long> store = context.getStateStore(storeName);
		this.clock = shared.open(context.taskId(), store);
	}

	@Override
	public void process(FixedKeyRecord<String, Row> record) {
		long time = record.timestamp();
		long streamTime = clock.advance(time);
		if (!record.value().marker() && time + allowed < streamTime) {
			context.forward(record.withValue(record.value().fail(Failure.late(path, reason(time, streamTime)))), deadLetter);
			return;
		}
		context.forward(record);
	}

	@Override
	public void close() {
		shared.close(context.taskId());
	}

	private String reason(long time, long streamTime) {
		return "late record: event time " + Instant.ofEpochMilli(time) + " is more than " + bound.description() +
				" behind the join's stream time " + Instant.ofEpochMilli(streamTime) + ", so " + bound.consequence();
	}

}
