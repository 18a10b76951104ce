package io.streamplane.benchmarks.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.benchmarks.harness.Arguments;

/**
 * Options of {@code run-index.sh --freshness} ({@code --name=value}).
 *
 * @param rate changed rows per second (half inserts of new rows, half updates of existing ones)
 * @param warmup how long changes run before they are measured
 * @param measure how long the measured changes run
 * @param rows rows in the table before the index is created (the updates cycle over them)
 * @param chunkWords most words of a row's text (real documentation, so every change is embedded)
 * @param docDirs comma-separated directories of real text
 * @param pollInterval pause between two searches for the changes not yet seen: the measurement's resolution
 * (a latency over-states by up to one interval) and its cost (one search per interval in the measured JVM)
 * @param heap the standalone's heap ({@code -Xmx})
 * @param indexerHeap the heap of the rag-indexer's own JVM ({@code -Xmx}; 1g is the chart's 50% of 2 GiB), or
 * {@code null} ({@code --indexer-heap=none}) to keep the role in the standalone JVM
 * @param report where the markdown report goes
 */
record FreshnessOptions(int rate, Duration warmup, Duration measure, int rows, int chunkWords, List<Path> docDirs,
		Duration pollInterval, String heap, String indexerHeap, String report) {

	static FreshnessOptions parse(String... args) {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("rate", "50");
		defaults.put("warmup-seconds", "20");
		defaults.put("measure-seconds", "60");
		defaults.put("rows", "1000");
		defaults.put("chunk-words", "80");
		defaults.put("doc-dirs", "/usr/share/doc");
		defaults.put("poll-ms", "100");
		defaults.put("heap", "1536m");
		defaults.put("indexer-heap", "1g");
		defaults.put("report", "target/index-freshness-results.md");
		Map<String, String> v = Arguments.parse(defaults, args);
		return new FreshnessOptions(Integer.parseInt(v.get("rate")),
				Duration.ofSeconds(Long.parseLong(v.get("warmup-seconds"))),
				Duration.ofSeconds(Long.parseLong(v.get("measure-seconds"))), Integer.parseInt(v.get("rows")),
				Integer.parseInt(v.get("chunk-words")),
				Arrays.stream(v.get("doc-dirs").split(",")).map(Path::of).toList(),
				Duration.ofMillis(Long.parseLong(v.get("poll-ms"))), v.get("heap"),
				"none".equals(v.get("indexer-heap")) ? null : v.get("indexer-heap"), v.get("report"));
	}

	/** Changes written in all, warm-up included. */
	int changes() {
		return (int) (rate * (warmup.toSeconds() + measure.toSeconds()));
	}

}
