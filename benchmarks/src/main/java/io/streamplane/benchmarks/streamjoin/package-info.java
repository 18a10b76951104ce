/**
 * The stream–stream join benchmark: impressions joined with their clicks within 10 minutes,
 * compiled from a spec, against a hand-written Kafka Streams {@code KStream.join} with
 * {@code JoinWindows}. May use the harness, the joins benchmark's output measurement and the
 * public API of the compiler; never an {@code internal} package.
 */
package io.streamplane.benchmarks.streamjoin;
