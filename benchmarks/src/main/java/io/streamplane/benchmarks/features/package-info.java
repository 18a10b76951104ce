/**
 * The feature-serving benchmark: loads a tile store, measures in-process baselines, then serving latency
 * under open-loop load and freshness from tile write to serve, against a feature server in its own process.
 * May use the harness, the public API of feature-server, the protocol and the spec; never a module's
 * {@code internal} package.
 */
package io.streamplane.benchmarks.features;
