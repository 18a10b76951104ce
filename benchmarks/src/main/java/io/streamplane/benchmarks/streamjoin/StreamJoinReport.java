package io.streamplane.benchmarks.streamjoin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import io.streamplane.benchmarks.harness.ReportTables;
import io.streamplane.benchmarks.harness.Results;
import io.streamplane.benchmarks.harness.Results.Case;
import org.apache.kafka.streams.StreamsConfig;

/** Renders a stream–stream join benchmark run as the markdown section docs/benchmarks.md takes. */
final class StreamJoinReport {

	private StreamJoinReport() {
	}

	/** The 1, 5 and 15 minute load averages, or {@code unknown} off Linux. */
	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	static String render(StreamJoinOptions options, Results results, String loadBefore, Duration elapsed) {
		StringBuilder out = new StringBuilder();
		out.append("## Stream–stream ").append(options.left() ? "left " : "").append("join, ").append(LocalDate.now())
			.append("\n\n");
		out.append(ReportTables.machine()).append(" Load average before the run: ").append(loadBefore)
			.append(", after: ").append(loadAverage()).append(".\n\n");
		out.append(String.format("Workload: %,d impressions (`{\"impression_id\", \"ad\", \"ts\"}`, keyed by id, 10 ms "
				+ "of event time apart) loaded first, then one click per impression (`{\"click_id\", \"impression_id\", "
				+ "\"ts\"}`, keyed by click id, 1 s to 5 min after its impression), JSON, record timestamps = event "
				+ "time; %s join on impression id within 10 minutes, lateness 10 minutes: every impression is joined "
				+ "once. %d partitions, one stream thread, one embedded broker in the same JVM (loopback). Whole run: "
				+ "%d s.%n%n", options.impressions(), options.join(), options.partitions(), elapsed.toSeconds()));
		ReportTables.throughput(out, results, "dropped or late records");
		Case a = new Case(StreamJoinVariant.STREAMPLANE, StreamsConfig.AT_LEAST_ONCE);
		Case b = new Case(StreamJoinVariant.KAFKA_STREAMS, StreamsConfig.AT_LEAST_ONCE);
		out.append("Ratio of medians (same run): **a/b = ").append(ReportTables.ratio(results, a, b))
			.append("** (target ≥ 0.90). a/b round by round (each round runs a and b back to back): ")
			.append(ReportTables.paired(results, a, b)).append(".\n\n");
		out.append("How it was measured:\n\n");
		out.append("- Throughput = input records (impressions + clicks) / time from the first record the "
				+ "application consumes to the output topic holding one record per impression; median over the "
				+ "rounds, in the order b-a, a-b, …\n");
		out.append("- Both variants get the same Kafka Streams settings (one thread, at least once, "
				+ "`max.task.idle.ms` = " + StreamJoinBenchmark.MAX_TASK_IDLE_MS + " so the impressions do not run "
				+ "ahead of the repartitioned clicks). (b) is idiomatic Kafka Streams: Jackson-bound records, the "
				+ "clicks `selectKey`-ed by impression id (repartitioned), `KStream." + (options.left() ? "leftJoin" : "join")
				+ "` with `JoinWindows.ofTimeDifferenceAndGrace(10m, 10m)`. (a) is what the compiler builds from "
				+ "`benchmarks/src/main/resources/" + (options.left() ? StreamJoinWorkload.LEFT_SPEC : StreamJoinWorkload.SPEC)
				+ "`: generic JSON rows, the clicks "
				+ "re-keyed by `impression_id` and repartitioned, the impressions joined `on: key` as their topic "
				+ "keys them (no repartition), both sides checked for lateness against the join's stream time, then "
				+ "the same `KStream.join`" + (options.left() ? ", beside it Streamplane's tracking of the impressions "
				+ "without a click yet (each waits in a store until its click arrives)" : "") + ".\n");
		out.append("- Dropped or late records: dropped by Kafka Streams or dead-lettered by (a); 0 and as many "
				+ "outputs as impressions mean every impression was joined.\n");
		results.notes().forEach(note -> out.append("- ").append(note).append('\n'));
		return out.toString();
	}

}
