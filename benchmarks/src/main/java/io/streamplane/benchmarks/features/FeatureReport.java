package io.streamplane.benchmarks.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Renders a feature-server benchmark run as the markdown section docs/benchmarks.md takes. */
final class FeatureReport {

	/** Issue 14's targets (they were 1 ms, 5 ms and 500 ms before). */
	private static final double GET_TARGET_P99_MS = 0.5;

	private static final double POST_TARGET_P99_MS = 2.0;

	private static final double FRESHNESS_TARGET_P99_MS = 100.0;

	private FeatureReport() {
	}

	static String render(FeatureBenchmarkOptions options, List<Latency> latencies, List<FeatureBenchmark.Round> rounds,
			RssSample rss, List<String> notes, Duration elapsed, String loadBefore) {
		StringBuilder out = new StringBuilder();
		out.append("## Feature server, ").append(LocalDate.now()).append("\n\n");
		out.append(String.format("%d cores, Java %s; load average before %s, after %s. Whole run: %d s.%n%n",
				Runtime.getRuntime().availableProcessors(), Runtime.version(), loadBefore, loadAverage(),
				elapsed.toSeconds()));
		out.append(String.format("View `%s`: 20 features (count, sum, max, last over 1m/5m/15m/30m/1h windows) on "
				+ "1-minute tiles; %,d entities x %d tiles, loaded straight into the tile store. Server: the "
				+ "Streamplane app with only the feature-server role, own JVM (-Xmx%s, %s), %d keep-alive connections. "
				+ "Open loop: latency from each request's intended send time; warm-up %d s, measured %d s per phase; "
				+ "the 404 baseline and the GET alternate in %d rounds, pooled in the table.%n%n",
				BenchView.NAME, options.entities(), options.tilesPerEntity(), options.serverHeap(), ServerProcess.gc(),
				options.connections(), options.warmup().toSeconds(), options.measure().toSeconds(), options.rounds()));
		out.append("| measured | rate /s | count | errors | p50 ms | p99 ms | p99.9 ms | max ms | exchange p99 ms |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Latency latency : latencies) {
			out.append(String.format("| %s | %s | %,d | %d | %.3f | %.3f | %.3f | %.1f | %s |%n", latency.name(),
					latency.achievedRate() == 0 ? "closed loop" : String.format("%,.0f", latency.achievedRate()),
					latency.count(), latency.errors(), latency.p50() / 1000, latency.p99() / 1000,
					latency.p999() / 1000, latency.max() / 1000,
					Double.isNaN(latency.exchangeP99()) ? "–" : String.format("%.3f", latency.exchangeP99() / 1000)));
		}
		out.append("\nLatency runs from each request's intended send time to its response; the exchange alone from the "
				+ "request written to the response read (without waiting for a free connection or for the load "
				+ "thread to be scheduled).\n");
		out.append('\n');
		rounds(out, rounds);
		targets(out, latencies, options);
		if (rss != null) {
			out.append(String.format("%nRSS of the serving process over %,d tile updates through Kafka (%,d ingested in "
					+ "%.0f s, %,.0f updates/s; event time one minute ahead every %,d updates, so tiles are added and "
					+ "pruned): first %,d MB, last %,d MB, max %,d MB; last/first **%.2f**, max/first **%.2f** "
					+ "(target: within 1.20).%n", rss.updates(), rss.ingested(), rss.seconds(),
					rss.ingested() / rss.seconds(), TileUpdates.UPDATES_PER_TILE, rss.first() / 1024,
					rss.last() / 1024, rss.max() / 1024, (double) rss.last() / rss.first(),
					(double) rss.max() / rss.first()));
		}
		out.append("\nAnchors (other hardware, other data): Feast Java server p99 ≈1.3 ms for one entity, ≈17 ms for "
				+ "100; Feast Go server p99 ≈3.9 ms.\n");
		notes.forEach(note -> out.append("\n- ").append(note));
		out.append('\n');
		return out.toString();
	}

	private static void rounds(StringBuilder out, List<FeatureBenchmark.Round> rounds) {
		if (rounds.isEmpty()) {
			return;
		}
		out.append("| round | echo p99 ms | 404 p99 ms | GET p99 ms | GET p99.9 ms | echo / 404 / GET exchange p99 ms "
				+ "| server CPU µs per 404 / GET | run-queue wait µs per request: server echo / 404 / GET "
				+ "| load threads echo / 404 / GET | steal % |\n");
		out.append("|---:|---:|---:|---:|---:|---|---|---|---|---:|\n");
		for (int i = 0; i < rounds.size(); i++) {
			FeatureBenchmark.Round round = rounds.get(i);
			Latency baseline = round.baseline().latency();
			Latency get = round.get().latency();
			Latency echo = round.echo() == null ? null : round.echo().latency();
			out.append(String.format("| %d | %s | %.3f | %.3f | %.3f | %s / %.3f / %.3f | %.0f / %.0f | %s / %.1f / %.1f "
					+ "| %s / %.1f / %.1f | %.1f |%n", i + 1,
					echo == null ? "–" : String.format("%.3f", echo.p99() / 1000), baseline.p99() / 1000,
					get.p99() / 1000, get.p999() / 1000,
					echo == null ? "–" : String.format("%.3f", echo.exchangeP99() / 1000), baseline.exchangeP99() / 1000,
					get.exchangeP99() / 1000, round.baselineCpuMicros(), round.getCpuMicros(),
					round.echo() == null ? "–" : String.format("%.1f", round.echo().serverWaitMicros()),
					round.baseline().serverWaitMicros(), round.get().serverWaitMicros(),
					round.echo() == null ? "–" : String.format("%.1f", round.echo().result().loadWaitMicros()),
					round.baseline().result().loadWaitMicros(), round.get().result().loadWaitMicros(),
					round.get().stealPercent()));
		}
		out.append("\nServer CPU per request: the server process's CPU time over the phase (warm-up included, all "
				+ "threads: event loops, GC, JIT, ingest) divided by the requests sent. Run-queue wait: the time the "
				+ "threads of the server (or of the echo server) and the load generator's threads spent runnable "
				+ "but not running (`/proc/…/schedstat`), per request sent; the echo server is a bare blocking-socket "
				+ "HTTP server in a JVM of its own (`EchoServer`), the same client and request: the floor of this "
				+ "machine. Steal: CPU time the hypervisor took, over the GET phase.\n\n");
	}

	private static void targets(StringBuilder out, List<Latency> latencies, FeatureBenchmarkOptions options) {
		find(latencies, "HTTP GET /features").ifPresent(get -> out.append(String.format(
				"GET p99 %.3f ms (all rounds) at %,d/s against the target %.1f ms: %s.%n", get.p99() / 1000,
				options.getRate(),
				GET_TARGET_P99_MS, get.p99() / 1000 <= GET_TARGET_P99_MS ? "**met**" : "**missed**")));
		find(latencies, "HTTP POST").ifPresent(post -> out.append(String.format(
				"POST(%d) p99 %.3f ms at %,d/s against the target %.1f ms: %s.%n", options.postEntities(),
				post.p99() / 1000, options.postRate(), POST_TARGET_P99_MS,
				post.p99() / 1000 <= POST_TARGET_P99_MS ? "**met**" : "**missed**")));
		find(latencies, "freshness").ifPresent(fresh -> out.append(String.format(
				"Freshness p99 %.1f ms (p95 %.1f ms) at %,d events/s, engine commit interval %s%s, against the "
						+ "target %.0f ms: %s.%n", fresh.p99() / 1000, fresh.p95() / 1000, options.freshnessRate(),
				options.commitInterval().isPositive() ? options.commitInterval().toMillis() + " ms" : "default",
				options.keyedByEntity() ? ", view keyedByEntity (no repartition)" : "",
				FRESHNESS_TARGET_P99_MS,
				fresh.p99() / 1000 <= FRESHNESS_TARGET_P99_MS && fresh.errors() == 0 ? "**met**" : "**missed**")));
	}

	private static Optional<Latency> find(List<Latency> latencies, String prefix) {
		return latencies.stream().filter(latency -> latency.name().startsWith(prefix)).findFirst();
	}

	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
