package io.streamplane.benchmarks.wordcount;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import io.streamplane.benchmarks.harness.BenchmarkStreamsConfig;
import io.streamplane.benchmarks.harness.LatencyResult;
import io.streamplane.benchmarks.harness.ReportTables;
import io.streamplane.benchmarks.harness.Results.Case;
import io.streamplane.benchmarks.harness.Results;
import org.apache.kafka.streams.StreamsConfig;

/** Renders a benchmark run as the markdown section docs/benchmarks.md takes. */
final class ResultsTable {

	private ResultsTable() {
	}

	static String render(BenchmarkOptions options, Results results, Latencies latencies, Duration elapsed) {
		StringBuilder out = new StringBuilder();
		out.append("## Word count (Pathway's workload), ").append(LocalDate.now()).append("\n\n");
		out.append(ReportTables.machine()).append("\n\n");
		out.append(String.format("Workload: %,d JSON records `{\"ts\": <ms>, \"word\": <7 letters>}`, unkeyed, words drawn "
				+ "uniformly from a %,d-word dictionary, event time advancing %,d words per second; counts per word per "
				+ "10 s tumbling window (lateness 30 s, so that no word is late), final counts. %d partitions, one stream thread, one embedded "
				+ "broker in the same JVM (loopback). Whole run: %d s.%n%n", options.words(), options.dictionarySize(),
				options.wordsPerEventSecond(), options.partitions(), elapsed.toSeconds()));
		ReportTables.throughput(out, results, "late records");
		ratios(out, results);
		latency(out, latencies);
		out.append("\nHow it was measured:\n\n");
		out.append("- Throughput = input words / time from the first word consumed to the last word consumed by the "
				+ "last sub-topology (for (c): to the last output flushed), median over the runs, in the order "
				+ "b-a-c, a-b-c, …\n");
		out.append("- (a) and (b) get identical Kafka Streams settings (one thread, Kafka Streams defaults otherwise, "
				+ "as the engine's runtime sets them); the guarantee is set by the harness, not the spec. (b) is "
				+ "idiomatic Kafka Streams: Jackson-bound records, `groupBy` word, `count()` with the default record "
				+ "cache, `suppress(untilWindowCloses)`. (a) is what the compiler builds: generic JSON rows, a "
				+ "lateness check with its own stream-time store and dead-letter routing before the aggregation, and "
				+ "a window store behind the record cache (for `emit: updates` a read-modify-write processor that "
				+ "still emits every change).\n");
		out.append("- Latency: fresh topics, words sent at a fixed rate with event time = send time, `emit: updates` "
				+ "(final counts would add up to the 10 s window), commit interval " + BenchmarkStreamsConfig.LATENCY_COMMIT_INTERVAL_MS
				+ " ms, at least once. A word's latency is from its send to the receipt of the first count update that "
				+ "includes it, so words coalesced in the record cache are charged until the flush. Warm-up "
				+ options.latencyWarmup().toSeconds() + " s, measured " + options.latencyDuration().toSeconds() + " s.\n");
		out.append("- Output records are end-offset deltas, so under exactly_once_v2 they include transaction "
				+ "markers. Late records: dropped by Kafka Streams, or dead-lettered by (a); 0 means every word "
				+ "was counted.\n");
		out.append("- Anchor: Pathway's benchmark reports Kafka Streams at ≈350k words/s on one core with p95 ≈150 ms "
				+ "(different hardware and setup: compare ratios, not absolute figures).\n");
		results.notes().forEach(note -> out.append("- ").append(note).append('\n'));
		return out.toString();
	}

	private static void ratios(StringBuilder out, Results results) {
		Case a = new Case(WordCountVariant.STREAMPLANE, StreamsConfig.AT_LEAST_ONCE);
		Case b = new Case(WordCountVariant.KAFKA_STREAMS, StreamsConfig.AT_LEAST_ONCE);
		Case c = new Case(WordCountVariant.CONSUME_PRODUCE, "none");
		Case aEos = new Case(WordCountVariant.STREAMPLANE, StreamsConfig.EXACTLY_ONCE_V2);
		Case bEos = new Case(WordCountVariant.KAFKA_STREAMS, StreamsConfig.EXACTLY_ONCE_V2);
		out.append("Ratios of medians (same run): **a/b = ").append(ReportTables.ratio(results, a, b))
			.append("** (target ≥ 0.90), **a/c = ").append(ReportTables.ratio(results, a, c)).append("**, b/c = ")
			.append(ReportTables.ratio(results, b, c)).append("; exactly once: a/b = ")
			.append(ReportTables.ratio(results, aEos, bEos))
			.append(". a/b round by round (each round runs a and b back to back): ")
			.append(ReportTables.paired(results, a, b))
			.append(".\n\n");
	}

	private static void latency(StringBuilder out, Latencies latencies) {
		out.append("| Variant | rate, words/s | words measured | p50 ms | p95 ms | p99 ms | max ms | never seen |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Map.Entry<WordCountVariant, LatencyResult> entry : latencies.measured().entrySet()) {
			LatencyResult r = entry.getValue();
			out.append(String.format("| %s | %s | %,d | %d | %d | %d | %d | %,d |%n", entry.getKey().label(),
					ReportTables.rate(r.perSecond()), r.measured(), r.p50(), r.p95(), r.p99(), r.max(), r.unseen()));
		}
		latencies.failures().forEach((variant, reason) -> out.append("| ").append(variant.label())
			.append(" | not measured: `").append(reason).append("` | | | | | | |\n"));
	}

}
