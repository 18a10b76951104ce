package io.streamplane.benchmarks.scale;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.streamplane.benchmarks.harness.ReportTables;

/** The scale benchmark's markdown report: one row per variant and size, the goals, recovery, and the method. */
final class ScaleReport {

	private ScaleReport() {
	}

	/**
	 * @param restoreComparison the markdown of {@link RestoreComparison#report}, empty if none ran
	 */
	static String render(ScaleOptions options, List<SizeResult> results, RecoveryResult recovery,
			String restoreComparison, List<String> failures, Duration took) {
		StringBuilder out = new StringBuilder();
		out.append("# Scale benchmark: session windows (30-minute gap, count and sum, emit: final)\n\n");
		out.append(String.format("%s, %s. %s Took %d min %d s.%n%n", LocalDate.now(), sizes(options),
				ReportTables.machine(), took.toMinutes(), took.toSecondsPart()));
		sizesTable(out, results);
		goals(out, results, recovery);
		recovery(out, recovery, options);
		out.append(restoreComparison);
		if (!failures.isEmpty()) {
			out.append("## Not measured\n\n");
			failures.forEach(failure -> out.append("- `").append(failure).append("`\n"));
			out.append('\n');
		}
		method(out, options);
		return out.toString();
	}

	private static String sizes(ScaleOptions options) {
		return String.format("users %s, %d partitions, worker heap %s, exactly once",
				options.users().stream().map(users -> String.format("%,d", users)).toList(), options.partitions(),
				options.heap());
	}

	private static void sizesTable(StringBuilder out, List<SizeResult> results) {
		out.append("| users | variant | events/s | a/b | RSS MiB (peak) | state on disk, B/key | sessions held | "
				+ "changelogs, B/key | disk / raw aggregates held | the same fully compacted | p50 / p95 / p99 ms | dropped | output |\n");
		out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		for (SizeResult result : results) {
			out.append(String.format("| %,d | %s | %s | %s | %,d (%,d) | %,.0f | %,d | %,.0f | %.2f | %s | %.0f / %.0f / %.0f | %,d | %s |%n",
					result.users(), result.variant().label(), ReportTables.rate(result.perSecond()),
					result.variant() == ScaleVariant.STREAMPLANE ? ratio(results, result.users()) : "",
					result.rss() >> 20, result.peakRss() >> 20, (double) result.stateBytes() / result.users(),
					result.aggregatesHeld(), (double) result.changelogBytes() / result.users(), result.diskOverRaw(),
					result.compactedStateBytes() < 0 ? "" : String.format("%.2f", result.compactedOverRaw()),
					result.latencyPercentile(50), result.latencyPercentile(95), result.latencyPercentile(99),
					result.dropped(), result.exactness()));
		}
		out.append('\n');
	}

	private static String ratio(List<SizeResult> results, long users) {
		Optional<SizeResult> a = find(results, users, ScaleVariant.STREAMPLANE);
		Optional<SizeResult> b = find(results, users, ScaleVariant.KAFKA_STREAMS);
		return a.isPresent() && b.isPresent() ? String.format("%.2f", a.get().perSecond() / b.get().perSecond()) : "n/a";
	}

	private static Optional<SizeResult> find(List<SizeResult> results, long users, ScaleVariant variant) {
		return results.stream().filter(result -> result.users() == users && result.variant() == variant).findFirst();
	}

	private static void goals(StringBuilder out, List<SizeResult> results, RecoveryResult recovery) {
		List<SizeResult> streamplane = results.stream().filter(result -> result.variant() == ScaleVariant.STREAMPLANE)
			.toList();
		out.append("## Goals\n\n");
		if (streamplane.size() >= 2) {
			SizeResult smallest = streamplane.getFirst();
			SizeResult largest = streamplane.getLast();
			double ratio = largest.perSecond() / smallest.perSecond();
			out.append(String.format("- Throughput at %,d users / at %,d users (a): %.2f (goal ≥ 0.7): %s%n", largest.users(),
					smallest.users(), ratio, ratio >= 0.7 ? "met" : "missed"));
		}
		for (SizeResult result : streamplane) {
			String ratio = ratio(results, result.users());
			out.append(String.format("- a/b at %,d users: %s (goal ≥ 1.0): %s%n", result.users(), ratio,
					ratio.equals("n/a") ? "n/a" : Double.parseDouble(ratio) >= 1.0 ? "met" : "missed"));
		}
		for (SizeResult result : streamplane) {
			double factor = result.diskOverRaw();
			out.append(String.format("- State on disk at %,d users: %.2f× the raw bytes of the %,d sessions it holds (raw %.0f B each; goal ≤ 2×): %s%n",
					result.users(), factor, result.aggregatesHeld(), SizeResult.rawBytesPerKey(result.users()),
					factor <= 2 ? "met" : "missed"));
		}
		if (recovery != null) {
			out.append(String.format("- Restore without a standby: %.1f MB/s (goal ≥ 50): %s%n",
					recovery.restoreMegabytesPerSecond(), recovery.restoreMegabytesPerSecond() >= 50 ? "met" : "missed"));
			out.append(recovery.failover() == null ? "" : String.format("- Fail-over with a standby: output resumed after %,d ms (goal ≤ 10 s): %s%n",
					recovery.resumeMillis(), recovery.resumeMillis() >= 0 && recovery.resumeMillis() <= 10_000 ? "met"
							: "missed"));
		}
		out.append('\n');
	}

	private static void recovery(StringBuilder out, RecoveryResult recovery, ScaleOptions options) {
		if (recovery == null) {
			out.append(options.recovery() ? "Recovery: not measured (see below).\n\n" : "Recovery: not run (--recovery=false).\n\n");
			return;
		}
		out.append(String.format("## Recovery of (a) at %,d users%n%n", recovery.users()));
		out.append("| step | figure |\n|---|---:|\n");
		out.append(String.format("| changelogs on the broker | %,.1f MB |%n", recovery.changelogBytes() / 1e6));
		out.append(String.format("| restore after kill -9, empty state directory | %,d records in %,d ms: %.1f MB/s |%n",
				recovery.restore().records(), recovery.restore().millis(), recovery.restoreMegabytesPerSecond()));
		out.append(String.format("| CPU time of the worker JVM during the restore | %,d ms |%n", recovery.restore().cpuMillis()));
		out.append(String.format("| new JVM started → running | %,d ms |%n", recovery.restartToRunningMillis()));
		out.append(String.format("| output through the restart | %s |%n", recovery.afterRestore()));
		double[] latency = recovery.afterRestoreLatency();
		out.append(String.format("| p95 latency after the restore | %s |%n",
				latency.length == 0 ? "n/a" : String.format("%.0f ms", latency[(int) Math.ceil(0.95 * latency.length) - 1])));
		if (recovery.failover() == null) {
			out.append("| fail-over to a standby | not measured |\n\n");
			return;
		}
		out.append(String.format("| second instance's standbys caught up | %,d ms |%n", recovery.standbyCatchUpMillis()));
		out.append(String.format("| kill -9 of the active → output again (session timeout %,d ms) | %,d ms |%n",
				options.sessionTimeout().toMillis(), recovery.resumeMillis()));
		out.append(String.format("| output through the fail-over | %s |%n%n", recovery.failover()));
		out.append(String.format("Fail-over trace (ms after the kill; workers' transaction.timeout.ms %,d): %s%n%n",
				ScaleBenchmark.TRANSACTION_TIMEOUT.toMillis(), recovery.failoverTrace()));
	}

	private static void method(StringBuilder out, ScaleOptions options) {
		out.append("## Method\n\n");
		out.append("Each size loads 4 events per user (two sessions of two events, 50 minutes apart in event time) into "
				+ "input topics of each variant's own; the backlog leaves one open session per user. Each variant runs "
				+ "in a worker JVM of its own (exactly once, one stream thread, Kafka Streams defaults otherwise); "
				+ "events/s is the backlog over the time from the worker's first record to every record through both "
				+ "source topics (input and repartition). RSS and changelog bytes are taken then; the state directory "
				+ "after the latency run and a clean close (which flushes RocksDB's memtables). "
				+ String.format("Latency: one closing event per user at %,d/s for %d s (at most a third of the users); ",
						options.latencyRate(), options.latencyDuration().toSeconds())
				+ "each is the first event whose time closes its user's session, and the latency runs from its send "
				+ "to the final result being visible to a read_committed consumer. Output: every result is checked "
				+ "against the workload (bounds, count, sum) and counted once; duplicates and wrong results are "
				+ "reported. Raw aggregate: user id as text plus start, end, count and sum as 8 bytes each; sessions held: "
				+ "the live aggregates in the SST files after the close (each user's open session, plus a new session for "
				+ "each user sent a closing event, whose closed session stays until its retention).\n");
	}

}
