/**
 * The web console benchmark: page load and refresh times of the console in real headless Chromium against a
 * running Streamplane application. May use the benchmark harness, the protocol and the application; nothing
 * else of the benchmarks.
 */
package io.streamplane.benchmarks.console;
