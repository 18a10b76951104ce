package io.streamplane.benchmarks.wordcount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** When each word of a latency run was sent, per word and window, in send order. Not thread-safe. */
final class SendLog {

	private final Map<String, List<Long>> sends = new HashMap<>();

	/** The key of a count: the word and the start of its window in epoch milliseconds. */
	static String key(String word, long windowStart) {
		return word + '@' + windowStart;
	}

	void sent(String word, long epochMillis) {
		sends.computeIfAbsent(key(word, Workload.windowStart(epochMillis)), key -> new ArrayList<>()).add(epochMillis);
	}

	Map<String, List<Long>> byKey() {
		return sends;
	}

}
