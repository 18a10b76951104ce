package io.streamplane.benchmarks.scale;

/**
 * One variant at one size.
 *
 * @param users distinct users
 * @param variant the variant
 * @param events backlog events processed
 * @param nanos from its first record consumed to every backlog record consumed from every source topic
 * @param rss the worker's resident set size once the backlog was processed, bytes
 * @param peakRss its peak resident set size until then ({@code VmHWM}), bytes
 * @param stateBytes the worker's state directory on disk after the latency run and a clean close (RocksDB
 * files, checkpoints), bytes
 * @param aggregatesHeld the sessions that state holds ({@link SstContents#aggregates()}): one per user after the
 * backlog, plus a new one for each user sent a closing event in the latency run, whose closed session stays until
 * its retention; 0 if unknown
 * @param changelogBytes its changelog topics' bytes on the broker then
 * @param dropped records the worker dropped, e.g. as too late for their session
 * @param latency milliseconds from closing events to their sessions' final results, sorted
 * @param exactness the output of the backlog and the latency run against the workload
 * @param compactedStateBytes the same state directory after a full compaction of every RocksDB in it
 * ({@link StateCompaction}), bytes; -1 if not compacted
 */
record SizeResult(long users, ScaleVariant variant, long events, long nanos, long rss, long peakRss, long stateBytes,
		long aggregatesHeld, long changelogBytes, long dropped, double[] latency, SessionVerifier.Exactness exactness,
		long compactedStateBytes) {

	/** A result whose state was not compacted. */
	SizeResult(long users, ScaleVariant variant, long events, long nanos, long rss, long peakRss, long stateBytes,
			long aggregatesHeld, long changelogBytes, long dropped, double[] latency, SessionVerifier.Exactness exactness) {
		this(users, variant, events, nanos, rss, peakRss, stateBytes, aggregatesHeld, changelogBytes, dropped, latency,
				exactness, -1);
	}

	/** This result with the state's bytes after a full compaction. */
	SizeResult withCompactedState(long bytes) {
		return new SizeResult(users, variant, events, nanos, rss, peakRss, stateBytes, aggregatesHeld, changelogBytes,
				dropped, latency, exactness, bytes);
	}

	double perSecond() {
		return events * 1e9 / nanos;
	}

	/**
	 * State on disk over the raw bytes of the aggregates it holds (the goal: at most 2): per session held if
	 * known, else per user.
	 */
	double diskOverRaw() {
		return overRaw(stateBytes);
	}

	/** {@link #diskOverRaw()} after a full compaction; NaN if not compacted. */
	double compactedOverRaw() {
		return compactedStateBytes < 0 ? Double.NaN : overRaw(compactedStateBytes);
	}

	private double overRaw(long bytes) {
		return (double) bytes / (aggregatesHeld > 0 ? aggregatesHeld : users) / rawBytesPerKey(users);
	}

	/** Raw bytes of one active session's aggregate: the user id as text, start, end, count and sum as 8 bytes each. */
	static double rawBytesPerKey(long users) {
		long digits = 0;
		for (long bound = 1, length = 1; bound <= users; bound *= 10, length++) {
			digits += (Math.min(users, bound * 10) - (bound == 1 ? 0 : bound)) * length;
		}
		return (double) digits / users + 32;
	}

	/** The {@code percentile} (0–100) of the latencies, or NaN if none was measured. */
	double latencyPercentile(double percentile) {
		if (latency.length == 0) {
			return Double.NaN;
		}
		return latency[Math.min(latency.length - 1, (int) Math.ceil(percentile / 100 * latency.length) - 1)];
	}

}
