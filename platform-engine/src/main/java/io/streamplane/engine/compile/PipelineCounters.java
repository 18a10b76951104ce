package io.streamplane.engine.compile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what one running pipeline does, since it started on this instance. Thread-safe: written
 * by stream threads, read by status reporting and metrics.
 */
public final class PipelineCounters {

	private static final long NONE = Long.MIN_VALUE;

	private final LongAdder recordsIn = new LongAdder();

	private final LongAdder recordsOut = new LongAdder();

	private final LongAdder lateRecords = new LongAdder();

	private final LongAdder deadLetters = new LongAdder();

	private final Map<String, Long> newestTileEvents = new ConcurrentHashMap<>();

	private final Map<String, IndexCounts> indexes = new ConcurrentHashMap<>();

	/** Records read from input topics. */
	public long recordsIn() {
		return recordsIn.sum();
	}

	/** Records written to output topics (dead letters excluded). */
	public long recordsOut() {
		return recordsOut.sum();
	}

	/** Records that arrived after their window closed (beyond lateness); they are also dead letters. */
	public long lateRecords() {
		return lateRecords.sum();
	}

	/** Records written to the dead-letter topic, late ones included. */
	public long deadLetters() {
		return deadLetters.sum();
	}

	/**
	 * Per feature view of the pipeline, in spec order, the event time of the newest event written to its
	 * tiles since the pipeline started on this instance, or {@code null} before the first.
	 */
	public Map<String, Instant> featureViews() {
		Map<String, Instant> views = new LinkedHashMap<>();
		newestTileEvents.forEach((view, time) -> views.put(view, time == NONE ? null : Instant.ofEpochMilli(time)));
		return views;
	}

	/**
	 * Per vector index of the pipeline, its writes since the pipeline started on this instance: upserts,
	 * deletes and the source time of the newest change written.
	 */
	public Map<String, IndexCounts.Snapshot> indexes() {
		Map<String, IndexCounts.Snapshot> snapshot = new LinkedHashMap<>();
		indexes.forEach((index, counts) -> snapshot.put(index, counts.snapshot()));
		return snapshot;
	}

	void declareIndex(String index, String topic) {
		indexes.putIfAbsent(index, new IndexCounts(topic));
	}

	void indexWritten(String index, boolean delete, long sourceTimeMs) {
		IndexCounts counts = indexes.get(index);
		if (counts != null) {
			counts.written(delete, sourceTimeMs);
		}
	}

	void declareView(String view) {
		newestTileEvents.putIfAbsent(view, NONE);
	}

	void tileWritten(String view, long eventTimeMs) {
		newestTileEvents.merge(view, eventTimeMs, Math::max);
	}

	void recordIn() {
		recordsIn.increment();
	}

	void recordOut() {
		recordsOut.increment();
	}

	void late() {
		lateRecords.increment();
	}

	void deadLetter() {
		deadLetters.increment();
	}

}
