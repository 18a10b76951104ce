/**
 * The table group-by benchmark (issue 18): a reactive group-by compiled from a spec against a
 * hand-written Kafka Streams {@code KTable.groupBy().count()} over the same table changes. May use
 * the harness and the public API of the compiler; never an {@code internal} package.
 */
package io.streamplane.benchmarks.groupby;
