package io.streamplane.benchmarks.harness;

/**
 * End-to-end latency of one variant: from an input's send (a word, a committed row change) to the
 * first output record that reflects it being received by a consumer of the output topic, in
 * milliseconds.
 *
 * @param perSecond the rate the inputs were sent at
 * @param measured inputs measured (those sent after the warm-up)
 * @param unseen measured inputs no output had reflected when the run ended
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @param max the maximum
 */
public record LatencyResult(double perSecond, long measured, long unseen, long p50, long p95, long p99, long max) {
}
