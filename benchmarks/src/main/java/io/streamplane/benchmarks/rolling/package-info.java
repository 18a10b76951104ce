/**
 * The rolling-aggregate benchmark of issue 14: clicks per user over 24 hours compiled from a spec, on
 * the embedded broker. May use the harness, the word count's throughput loop and the compiler's public
 * API; never an {@code internal} package.
 */
package io.streamplane.benchmarks.rolling;
