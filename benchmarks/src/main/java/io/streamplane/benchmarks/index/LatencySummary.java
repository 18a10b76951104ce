package io.streamplane.benchmarks.index;

import java.util.Arrays;

/** Per-query latencies of one thread: p50, p99 and the queries per second they add up to. */
record LatencySummary(double p50Millis, double p99Millis, double queriesPerSecond) {

	static LatencySummary of(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		long total = Arrays.stream(sorted).sum();
		return new LatencySummary(percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
				sorted.length / (total / 1e9));
	}

	private static long percentile(long[] sorted, double p) {
		int rank = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(rank, sorted.length - 1))];
	}

	@Override
	public String toString() {
		return String.format("p50 %.2f ms, p99 %.2f ms, %,.0f queries/s", p50Millis, p99Millis, queriesPerSecond);
	}

}
