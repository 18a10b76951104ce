package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.Progress;

/**
 * Freshness of a live vector index: PostgreSQL commit → searchable, embedding included. Starts Streamplane
 * standalone in a JVM of its own, creates {@code documents} with {@code --rows} rows of real documentation,
 * registers {@code examples/cdc-to-vector-index.yaml} through the API, waits until every row is searchable, then
 * changes rows at {@code --rate} per second ({@link FreshnessProbes}) and reports the latencies measured from the
 * outside beside the indexer's own {@code freshness} statistic and Prometheus timer, with the machine's load.
 * <p>
 * Run it with {@code benchmarks/run-index.sh --freshness [--name=value ...]}; see {@link FreshnessOptions}.
 */
public final class FreshnessBenchmark {

	private static final Duration INDEXED_TIMEOUT = Duration.ofMinutes(10);

	private static final Duration DRAIN = Duration.ofSeconds(30);

	private static final Path EXAMPLE = Path.of("..", "examples", "cdc-to-vector-index.yaml");

	private static final String CDC_TOPIC = "sp.cdc.public.documents";

	private static final String INDEX_TOPIC = "sp.index.cdc-to-vector-index.documents";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern PROMETHEUS = Pattern
		.compile("(?m)^streamplane_index_freshness_seconds_(count|sum|max)\\{[^}]*index=\"documents\"[^}]*\\} (\\S+)$");

	private FreshnessBenchmark() {
	}

	/**
	 * Runs the benchmark and writes the report to stdout and {@link FreshnessOptions#report()}.
	 *
	 * @param args {@code --name=value} options, see {@link FreshnessOptions}
	 */
	public static void main(String[] args) throws Exception {
		FreshnessOptions options = FreshnessOptions.parse(args);
		List<String> texts = DocCorpus.chunks(options.docDirs(), Math.min(options.rows() + options.changes(), 20_000),
				options.chunkWords());
		Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "index-freshness-");
		StringBuilder report = new StringBuilder();
		double loadBefore = LoadAverage.now();
		Instant started = Instant.now();
		try (StandaloneProcess standalone = StandaloneProcess.start(dataDir.toAbsolutePath(), options.heap(),
				options.indexerHeap());
				Connection connection = standalone.connect()) {
			FreshnessProbes probes = new FreshnessProbes(options, texts);
			prepare(connection, probes, options.rows());
			standalone.register(Files.readString(EXAMPLE));
			awaitIndexed(standalone.indexer(), options.rows());
			TopicObserver observer = new TopicObserver(standalone.bootstrap(), List.of(CDC_TOPIC, INDEX_TOPIC),
					options.changes());
			String scrapeBefore = standalone.indexer().get("/actuator/prometheus");
			LoadAverage load = new LoadAverage();
			LongSummaryStatistics rss = new LongSummaryStatistics();
			Thread sampler = Thread.ofPlatform().daemon().name("load").start(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					load.sample();
					synchronized (rss) {
						rss.accept(standalone.indexer().rssKilobytes());
					}
					try {
						Thread.sleep(5_000);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			Duration cpuBefore = standalone.cpuTime();
			Duration indexerCpuBefore = standalone.indexer().cpuTime();
			long wallBefore = System.nanoTime();
			Progress.log(String.format("Changing %d rows/s: %d s warm-up, %d s measured", options.rate(),
					options.warmup().toSeconds(), options.measure().toSeconds()));
			Thread writer = Thread.ofPlatform().name("writer").start(() -> {
				try (Connection writing = standalone.connect()) {
					probes.write(writing);
				}
				catch (SQLException ex) {
					throw new BenchmarkException("Writing documents failed: " + ex.getMessage(), ex);
				}
			});
			probes.poll(standalone.indexer(), DRAIN.toNanos());
			writer.join();
			observer.close();
			String scrapeAfter = standalone.indexer().get("/actuator/prometheus");
			double wall = System.nanoTime() - wallBefore;
			double cores = (standalone.cpuTime().toNanos() - cpuBefore.toNanos()) / wall;
			double indexerCores = (standalone.indexer().cpuTime().toNanos() - indexerCpuBefore.toNanos()) / wall;
			sampler.interrupt();
			String memory;
			synchronized (rss) {
				memory = String.format("%.2f–%.2f GiB", rss.getMin() / 1048576.0, rss.getMax() / 1048576.0);
			}
			report.append(render(options, probes, load, loadBefore, started, standalone));
			report.append(StageBreakdown.render(probes, observer));
			report.append(StageBreakdown.renderIndexer(scrapeBefore, scrapeAfter));
			report.append(String.format("%nCPU while changes ran: %.2f cores in all (%s); the rag-indexer's process: "
					+ "%.2f cores, RSS %s (sampled every 5 s, heap -Xmx%s).%n", cores,
					standalone.split() ? "standalone without the rag-indexer, and the rag-indexer" : "one JVM, every role",
					indexerCores, memory, standalone.split() ? options.indexerHeap() : options.heap()));
		}
		finally {
			delete(dataDir);
		}
		Progress.publish(report.toString(), options.report());
	}

	private static void prepare(Connection connection, FreshnessProbes probes, int rows) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE documents (doc_id int PRIMARY KEY, body text)");
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO documents VALUES (?, ?)")) {
			for (int row = 0; row < rows; row++) {
				insert.setInt(1, row);
				insert.setString(2, probes.preloadedText(row));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static void awaitIndexed(AppProcess indexer, int rows) {
		long deadline = System.nanoTime() + INDEXED_TIMEOUT.toNanos();
		long logged = 0;
		while (System.nanoTime() < deadline) {
			String body = indexer.get("/search/documents");
			long indexed = body == null ? -1 : JSON.readTree(body).path("rows").asLong();
			if (indexed == rows) {
				Progress.log("All " + rows + " rows are searchable");
				return;
			}
			if (System.nanoTime() - logged > 10_000_000_000L) {
				Progress.log("Waiting for the snapshot to be indexed: " + (indexed < 0 ? "no index yet" : indexed
						+ " of " + rows + " rows"));
				logged = System.nanoTime();
			}
			AppProcess.sleep(Duration.ofMillis(500));
		}
		throw new BenchmarkException("The " + rows + " rows were not searchable within " + INDEXED_TIMEOUT
				+ "; see target/index-freshness*.log");
	}

	private static String render(FreshnessOptions options, FreshnessProbes probes, LoadAverage load,
			double loadBefore, Instant started, StandaloneProcess standalone) {
		long[] latencies = probes.latencies();
		Arrays.sort(latencies);
		JsonNode statistics = JSON.readTree(standalone.indexer().get("/search/documents"));
		String prometheus = standalone.indexer().get("/actuator/prometheus");
		Matcher matcher = PROMETHEUS.matcher(prometheus == null ? "" : prometheus);
		StringBuilder timer = new StringBuilder();
		while (matcher.find()) {
			timer.append(timer.isEmpty() ? "" : ", ").append(matcher.group(1)).append(' ').append(matcher.group(2));
		}
		StringBuilder out = new StringBuilder();
		out.append("## Vector index freshness: PostgreSQL commit → searchable\n\n");
		out.append(String.format("Started %s; %d changed rows/s asked (half inserts, half updates), %d s warm-up, "
				+ "%d s measured, %d preloaded rows, texts of up to %d words of real documentation.%n%n", started,
				options.rate(), options.warmup().toSeconds(), options.measure().toSeconds(), options.rows(),
				options.chunkWords()));
		out.append("| rows/s written | changes measured | p50 | p95 | p99 | max | not searchable | search poll "
				+ "(latencies over-state by up to this) | load (1 min) |\n");
		out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		out.append(String.format("| %.1f | %,d | %s | %s | %s | %s | %d | %d ms | %s; %.1f before |%n",
				probes.measuredRate(), latencies.length, millis(latencies, 0.50), millis(latencies, 0.95),
				millis(latencies, 0.99), millis(latencies, 1.0), probes.missing(), options.pollInterval().toMillis(),
				load, loadBefore));
		out.append("\nThe indexer's own measurement at the end (`GET /search/documents`, last minute): `")
			.append(statistics.path("freshness")).append("`; `streamplane_index_freshness_seconds`: ")
			.append(timer.isEmpty() ? "not found" : timer).append(" (all changes since the start, snapshot included).\n");
		out.append(String.format("%nMethod: %d changes written, %d searches. A change's latency is from just before its "
				+ "autocommitted statement to the first keyword search (every %d ms, for the oldest 100 changes not "
				+ "seen yet) whose hits hold the change's own word; so it includes PostgreSQL's commit, the CDC "
				+ "capture, the engine's exactly-once transactions, the indexer's poll, chunking, embedding and "
				+ "refresh, and up to one poll interval and one search. Standalone (embedded broker and PostgreSQL, "
				+ "no demo) ran in a JVM of its own on the same machine as this harness, %s.%n", probes.written(),
				probes.searches(), options.pollInterval().toMillis(), standalone.split()
						? "the rag-indexer in a second JVM (searched there), as in production"
						: "every role in it"));
		return out.toString();
	}

	private static String millis(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return "–";
		}
		int rank = Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1));
		return String.format("%,.0f ms", sorted[rank] / 1e6);
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
				Files.deleteIfExists(file);
			}
		}
	}

}
