/**
 * What every benchmark shares: the embedded cluster, Kafka Streams settings, throughput and latency
 * measurement, result tables and command-line arguments. May use Kafka, the compiler's public API and the
 * standalone infrastructure of the application; no benchmark package.
 */
package io.streamplane.benchmarks.harness;
