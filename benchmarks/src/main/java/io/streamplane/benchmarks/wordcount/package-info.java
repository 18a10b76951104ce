/**
 * The word-count benchmark: the same counting as a compiled spec, a hand-written topology and a plain
 * consume-produce loop, compared in throughput and latency. May use the harness and the compiler's public API.
 */
package io.streamplane.benchmarks.wordcount;
