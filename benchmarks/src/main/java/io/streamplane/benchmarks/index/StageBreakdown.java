package io.streamplane.benchmarks.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each measured change's time went on the way from the writer to a search that found it, from the
 * harness's own clock: statement → readable on the CDC topic (PostgreSQL's commit and the capture) → readable on
 * the index topic (the engine and its exactly-once commit) → found by a search (the indexer: poll, embed, write,
 * refresh, and up to one poll interval of the searcher). Changes missing from any point are left out.
 */
final class StageBreakdown {

	private static final String[] STAGES = { "statement → CDC topic (PostgreSQL commit, Debezium capture)",
			"CDC topic → index topic (engine, exactly-once commit)",
			"index topic → searchable (rag-indexer, and the search poll)", "total" };

	private StageBreakdown() {
	}

	static String render(FreshnessProbes probes, TopicObserver observer) {
		long[] sent = probes.sent();
		long[] cdc = observer.seen(0);
		long[] index = observer.seen(1);
		long[] searchable = probes.searchable();
		List<long[]> stages = List.of(new long[sent.length], new long[sent.length], new long[sent.length],
				new long[sent.length]);
		int n = 0;
		for (int i = 0; i < sent.length; i++) {
			if (sent[i] == 0 || !probes.measured(sent[i]) || cdc[i] == 0 || index[i] == 0 || searchable[i] == 0) {
				continue;
			}
			stages.get(0)[n] = cdc[i] - sent[i];
			stages.get(1)[n] = index[i] - cdc[i];
			stages.get(2)[n] = searchable[i] - index[i];
			stages.get(3)[n] = searchable[i] - sent[i];
			n++;
		}
		StringBuilder out = new StringBuilder();
		out.append(String.format("%nPer stage, for the %,d measured changes seen at every point (a read_committed "
				+ "consumer in the harness notes when each first shows on each topic):%n%n", n));
		out.append("| stage | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|\n");
		for (int s = 0; s < STAGES.length; s++) {
			long[] sorted = Arrays.copyOf(stages.get(s), n);
			Arrays.sort(sorted);
			out.append(String.format("| %s | %s | %s | %s | %s |%n", STAGES[s], millis(sorted, 0.5),
					millis(sorted, 0.95), millis(sorted, 0.99), millis(sorted, 1.0)));
		}
		return out.toString();
	}

	/** The indexer's own stage timers over the run: the difference of two Prometheus scrapes. */
	static String renderIndexer(String before, String after) {
		List<String> rows = new ArrayList<>();
		for (String stage : List.of("receive", "prepare", "embed", "write", "refresh")) {
			PrometheusHistogram histogram = PrometheusHistogram.of(after, "streamplane_index_stage_seconds",
					"stage=\"" + stage + "\"").minus(PrometheusHistogram.of(before, "streamplane_index_stage_seconds",
					"stage=\"" + stage + "\""));
			rows.add(String.format("| %s | %,d | %s | %s | %s |", stage, histogram.count(),
					seconds(histogram.mean()), seconds(histogram.quantile(0.5)), seconds(histogram.quantile(0.95))));
		}
		PrometheusHistogram commits = PrometheusHistogram.of(after, "streamplane_index_commit_seconds", "")
			.minus(PrometheusHistogram.of(before, "streamplane_index_commit_seconds", ""));
		return String.format("%nThe indexer's own stage timers (`streamplane_index_stage_seconds`, every change "
				+ "from the writer's start to the end; p50 and p95 are the upper bounds of their histogram buckets):"
				+ "%n%n| stage | changes | mean | p50 ≤ | p95 ≤ |%n|---|---:|---:|---:|---:|%n%s%n%nLucene commits: "
				+ "%,d, mean %s.%n", String.join("\n", rows), commits.count(), seconds(commits.mean()));
	}

	private static String seconds(double seconds) {
		return Double.isNaN(seconds) ? "–" : String.format("%,.0f ms", seconds * 1000);
	}

	private static String millis(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return "–";
		}
		int rank = Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1));
		return String.format("%,.0f ms", sorted[rank] / 1e6);
	}

}
