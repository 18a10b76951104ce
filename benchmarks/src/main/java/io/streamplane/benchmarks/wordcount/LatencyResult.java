package io.streamplane.benchmarks.wordcount;

/**
 * End-to-end latency of one variant: from a word's send to the first count update that includes
 * it being received by a consumer of the output topic, in milliseconds.
 *
 * @param perSecond the rate the words were sent at
 * @param measured words measured (those sent after the warm-up)
 * @param unseen measured words no update had included when the run ended
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @param max the maximum
 */
record LatencyResult(double perSecond, long measured, long unseen, long p50, long p95, long p99, long max) {
}
