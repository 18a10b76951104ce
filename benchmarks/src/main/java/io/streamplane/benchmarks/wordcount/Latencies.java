package io.streamplane.benchmarks.wordcount;

import java.util.LinkedHashMap;
import java.util.Map;

import io.streamplane.benchmarks.harness.LatencyResult;

/** The latency runs of one word-count benchmark run, and why any variant's is missing. */
final class Latencies {

	private final Map<WordCountVariant, LatencyResult> measured = new LinkedHashMap<>();

	private final Map<WordCountVariant, String> failures = new LinkedHashMap<>();

	void measured(WordCountVariant variant, LatencyResult result) {
		measured.put(variant, result);
	}

	void failed(WordCountVariant variant, String reason) {
		failures.put(variant, reason);
	}

	Map<WordCountVariant, LatencyResult> measured() {
		return measured;
	}

	Map<WordCountVariant, String> failures() {
		return failures;
	}

}
