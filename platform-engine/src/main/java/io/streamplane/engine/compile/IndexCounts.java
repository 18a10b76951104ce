package io.streamplane.engine.compile;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The writes of one pipeline to one index topic on this instance. Thread-safe. */
public final class IndexCounts {

	private static final long NONE = Long.MIN_VALUE;

	private final String topic;

	private final LongAdder upserts = new LongAdder();

	private final LongAdder deletes = new LongAdder();

	private final AtomicLong newestSourceTime = new AtomicLong(NONE);

	IndexCounts(String topic) {
		this.topic = topic;
	}

	void written(boolean delete, long sourceTimeMs) {
		(delete ? deletes : upserts).increment();
		newestSourceTime.accumulateAndGet(sourceTimeMs, Math::max);
	}

	Snapshot snapshot() {
		long newest = newestSourceTime.get();
		return new Snapshot(topic, upserts.sum(), deletes.sum(), newest == NONE ? null : Instant.ofEpochMilli(newest));
	}

	/**
	 * The counts at one moment.
	 *
	 * @param topic the index topic
	 * @param upserts rows written with text and metadata
	 * @param deletes rows deleted
	 * @param newestSourceTime the source time of the newest change written, or {@code null} before the first
	 */
	public record Snapshot(String topic, long upserts, long deletes, Instant newestSourceTime) {
	}

}
