package io.streamplane.benchmarks.joins;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.streamplane.benchmarks.harness.BenchmarkStreamsConfig;
import io.streamplane.benchmarks.harness.LatencyResult;
import io.streamplane.benchmarks.harness.ReportTables;
import io.streamplane.benchmarks.harness.Results.Case;
import io.streamplane.benchmarks.harness.Results;
import org.apache.kafka.streams.StreamsConfig;

/** Renders an enrichment benchmark run as the markdown section docs/benchmarks.md takes. */
final class JoinsReport {

	private JoinsReport() {
	}

	static String render(JoinsOptions options, Results results, List<CdcRun> cdc, String cdcFailure,
			Duration elapsed) {
		StringBuilder out = new StringBuilder();
		out.append("## Stream–table enrichment, ").append(LocalDate.now()).append("\n\n");
		out.append(ReportTables.machine()).append("\n\n");
		out.append(String.format("Workload: %,d users (`{\"id\", \"name\", \"plan\", \"country\"}`) loaded first, then "
				+ "%,d page views (`{\"event_id\", \"user_id\", \"page\", \"ts\"}`) of uniformly drawn users, both "
				+ "topics keyed by user id, JSON, inner join on `user_id`, every view has its user. %d partitions, one "
				+ "stream thread, one embedded broker in the same JVM (loopback). Whole run: %d s.%n%n", options.users(),
				options.events(), options.partitions(), elapsed.toSeconds()));
		ReportTables.throughput(out, results, "dropped records");
		Case a = new Case(JoinVariant.LOOKUP, StreamsConfig.AT_LEAST_ONCE);
		Case b = new Case(JoinVariant.KAFKA_STREAMS, StreamsConfig.AT_LEAST_ONCE);
		Case c = new Case(JoinVariant.REACTIVE, StreamsConfig.AT_LEAST_ONCE);
		Case d = new Case(JoinVariant.KAFKA_STREAMS_REPARTITIONED, StreamsConfig.AT_LEAST_ONCE);
		Case e = new Case(JoinVariant.REACTIVE_ON_KEY, StreamsConfig.AT_LEAST_ONCE);
		Case f = new Case(JoinVariant.LOOKUP_STREAMS_LINGER, StreamsConfig.AT_LEAST_ONCE);
		out.append("Ratios of medians (same run): **a/b = ").append(ReportTables.ratio(results, a, b))
			.append("** (target ≥ 0.90), c/b = ").append(ReportTables.ratio(results, c, b))
			.append(", d/b = ").append(ReportTables.ratio(results, d, b))
			.append(", a/d = ").append(ReportTables.ratio(results, a, d))
			.append(", c/a = ").append(ReportTables.ratio(results, c, a))
			.append(", e/a = ").append(ReportTables.ratio(results, e, a))
			.append(" (target ≥ 0.5)")
			.append("; exactly once: a/b = ")
			.append(ReportTables.ratio(results, new Case(JoinVariant.LOOKUP, StreamsConfig.EXACTLY_ONCE_V2),
					new Case(JoinVariant.KAFKA_STREAMS, StreamsConfig.EXACTLY_ONCE_V2)))
			.append(". a/b round by round (each round runs a and b back to back): ")
			.append(ReportTables.paired(results, a, b)).append(".\n\n");
		if (options.lingerCompare()) {
			out.append("Producer linger (engine " + JoinsOptions.ENGINE_LINGER_MS + " ms in (a), " + options.compareLingerMs()
					+ " ms in (f)): **a/f = ")
				.append(ReportTables.ratio(results, a, f)).append("**, f/b = ").append(ReportTables.ratio(results, f, b))
				.append(", a/f round by round ").append(ReportTables.paired(results, a, f))
				.append("; exactly once a/f = ")
				.append(ReportTables.ratio(results, new Case(JoinVariant.LOOKUP, StreamsConfig.EXACTLY_ONCE_V2),
						new Case(JoinVariant.LOOKUP_STREAMS_LINGER, StreamsConfig.EXACTLY_ONCE_V2)))
				.append(".\n\n");
		}
		cdc(out, options, cdc, cdcFailure);
		out.append("How it was measured:\n\n");
		out.append("- Throughput = page views / time from the first record the application consumes (a users row: "
				+ "the table is read as part of the run) to the output topic holding one record per page view; "
				+ "median over the rounds, in the order b-a-d, a-b-d, …; (c), then (e), once after the rounds.\n");
		out.append("- Every variant gets the same Kafka Streams settings (one thread, Kafka Streams defaults "
				+ "otherwise), except the producer's `linger.ms`: the engine's " + JoinsOptions.ENGINE_LINGER_MS
				+ " ms for (a), (c) and (e), Kafka Streams' 100 ms for the hand-written (b) and (d), and "
				+ options.compareLingerMs() + " ms for (f), which is (a) otherwise; and `max.task.idle.ms` = "
				+ JoinsBenchmark.MAX_TASK_IDLE_MS + " for the stream–table joins (a), (b), (d), so that no view "
				+ "overtakes its user's row on the way to the join; the guarantee is set by the harness. (b) is "
				+ "idiomatic Kafka Streams for topics already keyed by user: Jackson-bound records, "
				+ "`builder.table(users)`, `stream(views).join(table)`, no repartition. (a) is what the compiler "
				+ "builds: generic JSON rows, the table re-keyed by its primary key and repartitioned "
				+ "(`tables.users.by-key`), the views joined `on: key` as their topic keys them (no repartition), "
				+ "then the same `KStream.join`. (c) repartitions every view by its join key (`on: user_id`), joins it "
				+ "with its user and remembers it in a store under its user and identity beside the table, so a change "
				+ "of the user re-emits it. (e) is (c) joined `on: key`, as (a) is: the views are not repartitioned. (d) is (b) with `selectKey` "
				+ "by user first, as for views keyed otherwise: Kafka Streams repartitions them, as (a) does "
				+ "with `on: user_id`.\n");
		out.append("- Output records are end-offset deltas, so under exactly_once_v2 they include transaction "
				+ "markers; (c) writes `\"op\": \"+\"` change records. Dropped records: dropped by Kafka Streams or "
				+ "dead-lettered by (a)/(c); 0 and as many outputs as views mean every view was joined. Fewer "
				+ "outputs than views: views that found no user row, and the run ended 10 s after the last output.\n");
		out.append("- CDC latency: the embedded PostgreSQL (wal_level=logical), Streamplane's CDC capture driven "
				+ "through its API as an engine does (poll interval 20 ms, offsets stored every 1 s), and the pipeline "
				+ "`joins/enrich-cdc.yaml`: a reactive join of one page view per user with the CDC table of users. "
				+ "Each update (autocommit, from " + CdcLatencyRun.WRITERS + " connections, paced) gives a user a unique name; its latency "
				+ "is from just before the statement is sent to the receipt of the re-emitted view (`+`) with that "
				+ "name from the output topic; commit interval " + BenchmarkStreamsConfig.LATENCY_COMMIT_INTERVAL_MS
				+ " ms, at least once. Warm-up " + options.cdcWarmup().toSeconds() + " s, measured "
				+ options.cdcDuration().toSeconds() + " s. One run per producer `linger.ms`, in the order given, each "
				+ "a fresh application on the same database and capture. Hops (`--cdc-hops`): when each update was "
				+ "first read from the CDC topic and from each repartition topic of the pipeline by a consumer of the "
				+ "harness, charged from the same send time; topics no update passed (the views' repartition) are left "
				+ "out.\n");
		results.notes().forEach(note -> out.append("- ").append(note).append('\n'));
		return out.toString();
	}

	private static void cdc(StringBuilder out, JoinsOptions options, List<CdcRun> runs, String failure) {
		out.append("CDC latency, PostgreSQL commit → re-emitted joined view on the output topic (target p95 ≤ 200 ms "
				+ "at 1,000 changes/s), and to each hop before it:\n\n");
		out.append("| run | producer linger.ms | to | rate, updates/s | updates measured | p50 ms | p95 ms | p99 ms | max ms | never seen |\n");
		out.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
		if (runs.isEmpty()) {
			out.append(String.format("| | | not measured: `%s` | | | | | | | |%n%n", failure));
			return;
		}
		for (int run = 0; run < runs.size(); run++) {
			CdcRun cdc = runs.get(run);
			for (Map.Entry<String, LatencyResult> hop : cdc.hops().entrySet()) {
				if (hop.getValue().unseen() < hop.getValue().measured()) {
					row(out, run + 1, cdc.lingerMs(), "`" + hop.getKey() + "`", hop.getValue());
				}
			}
			row(out, run + 1, cdc.lingerMs(), "**re-emitted view (output)**", cdc.latency());
		}
		out.append('\n');
	}

	private static void row(StringBuilder out, int run, int lingerMs, String to, LatencyResult latency) {
		out.append(String.format("| %d | %d | %s | %s | %,d | %d | %d | %d | %d | %,d |%n", run, lingerMs, to,
				ReportTables.rate(latency.perSecond()), latency.measured(), latency.p50(), latency.p95(), latency.p99(),
				latency.max(), latency.unseen()));
	}

}
