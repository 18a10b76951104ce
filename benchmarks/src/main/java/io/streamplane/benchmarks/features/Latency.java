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
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max the slowest
 * @param exchangeP99 for an open loop, the 99th percentile of the exchange alone (request written to
 * response read), without the wait for the send time and a free connection; NaN otherwise
 */
record Latency(String name, long count, long errors, double achievedRate, double p50, double p95, double p99,
		double p999, double max, double exchangeP99) {

	/** The percentiles of a histogram recorded in nanoseconds. */
	static Latency of(String name, Histogram nanos, long errors, double achievedRate) {
		return new Latency(name, nanos.getTotalCount(), errors, achievedRate, micros(nanos, 50), micros(nanos, 95),
				micros(nanos, 99), micros(nanos, 99.9), nanos.getMaxValue() / 1000.0, Double.NaN);
	}

	/** This latency with the exchange times of an open loop, recorded in nanoseconds. */
	Latency withExchanges(Histogram nanos) {
		return new Latency(name, count, errors, achievedRate, p50, p95, p99, p999, max, micros(nanos, 99));
	}

	/** A histogram of nanoseconds up to one minute, 3 significant digits. */
	static Histogram histogram() {
		return new Histogram(60_000_000_000L, 3);
	}

	private static double micros(Histogram nanos, double percentile) {
		return nanos.getValueAtPercentile(percentile) / 1000.0;
	}

}
