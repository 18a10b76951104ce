/**
 * The joins benchmark: a stream-table enrichment compiled from a spec against a hand-written Kafka Streams
 * join, and CDC latency from a PostgreSQL update to the re-emitted view. May use the harness and the public
 * APIs of the compiler and of CDC ({@code engine.cdc}); never an {@code internal} package.
 */
package io.streamplane.benchmarks.joins;
