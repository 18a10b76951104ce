package io.streamplane.benchmarks.features;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of one measured phase, in microseconds.
 *
 * @param name what was measured
 * @param count operations measured
 * @param errors operations that failed (not 200), included in the percentiles
 * @param achievedRate operations per second actually completed in the measured window (0 for closed loops)
 * @param p50 median
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max the slowest
 */
record Latency(String name, long count, long errors, double achievedRate, double p50, double p99, double p999,
		double max) {

	/** The percentiles of a histogram recorded in nanoseconds. */
	static Latency of(String name, Histogram nanos, long errors, double achievedRate) {
		return new Latency(name, nanos.getTotalCount(), errors, achievedRate, micros(nanos, 50), micros(nanos, 99),
				micros(nanos, 99.9), nanos.getMaxValue() / 1000.0);
	}

	/** A histogram of nanoseconds up to one minute, 3 significant digits. */
	static Histogram histogram() {
		return new Histogram(60_000_000_000L, 3);
	}

	private static double micros(Histogram nanos, double percentile) {
		return nanos.getValueAtPercentile(percentile) / 1000.0;
	}

}
