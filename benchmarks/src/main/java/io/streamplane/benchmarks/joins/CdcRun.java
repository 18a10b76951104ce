package io.streamplane.benchmarks.joins;

import java.util.Map;

import io.streamplane.benchmarks.harness.LatencyResult;

/**
 * One CDC latency measurement of the joins benchmark.
 *
 * @param lingerMs the pipeline's producer {@code linger.ms}
 * @param latency commit → re-emitted view on the output topic
 * @param hops commit → first seen on each topic before the output (the CDC topic, then the repartition topics), in
 *        the order of {@link CdcHops}; empty without {@code --cdc-hops}
 */
record CdcRun(int lingerMs, LatencyResult latency, Map<String, LatencyResult> hops) {
}
