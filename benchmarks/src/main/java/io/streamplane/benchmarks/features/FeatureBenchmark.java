package io.streamplane.benchmarks.features;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.streamplane.benchmarks.harness.BenchmarkCluster;
import io.streamplane.benchmarks.harness.BenchmarkException;

/**
 * The feature-server benchmark: loads a 20-feature view for many entities straight into a tile store,
 * measures in-process baselines on it (raw RocksDB get, the reader without HTTP), starts the feature server
 * in its own JVM on that store, drives it with an open-loop load generator (rounds of a trivial 404 request,
 * the same server's cheapest answer, and single-entity GETs; then batch POSTs), and finally samples its RSS
 * while it ingests tile updates through Kafka. Prints a markdown report.
 * <p>
 * Run it with {@code benchmarks/run-features.sh [--name=value ...]}; see {@link FeatureBenchmarkOptions}.
 */
public final class FeatureBenchmark {

	private final FeatureBenchmarkOptions options;

	private final List<Latency> latencies = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final List<Round> rounds = new ArrayList<>();

	private FeatureBenchmark(FeatureBenchmarkOptions options) {
		this.options = options;
	}

	/**
	 * Runs the benchmark and writes the report to stdout and {@link FeatureBenchmarkOptions#report()}.
	 *
	 * @param args {@code --name=value} options, see {@link FeatureBenchmarkOptions}
	 */
	public static void main(String[] args) throws IOException, InterruptedException {
		FeatureBenchmarkOptions options = FeatureBenchmarkOptions.parse(args);
		long started = System.nanoTime();
		String loadBefore = FeatureReport.loadAverage();
		FeatureBenchmark benchmark = new FeatureBenchmark(options);
		Path dataDir = Files.createTempDirectory("streamplane-features-benchmark-");
		RssSample rss;
		try {
			rss = benchmark.run(dataDir);
		}
		finally {
			delete(dataDir);
		}
		String report = FeatureReport.render(options, benchmark.latencies, benchmark.rounds, rss, benchmark.notes,
				Duration.ofNanos(System.nanoTime() - started), loadBefore);
		System.out.println(report);
		Path path = Path.of(options.report()).toAbsolutePath();
		Files.createDirectories(path.getParent());
		Files.writeString(path, report);
		progress("Report written to " + path);
	}

	private RssSample run(Path dataDir) throws IOException, InterruptedException {
		RssSample rss = null;
		try (BenchmarkCluster cluster = BenchmarkCluster.start()) {
			if (options.serving()) {
				rss = serving(dataDir.resolve("serving"), cluster);
			}
			if (options.freshnessRate() > 0) {
				latencies.addAll(freshness(dataDir.resolve("freshness"), cluster));
				progress("Freshness measured");
			}
		}
		return rss;
	}

	private RssSample serving(Path dataDir, BenchmarkCluster cluster) throws IOException, InterruptedException {
		long nowMs = System.currentTimeMillis();
		long loading = System.nanoTime();
		long tiles = StoreLoader.load(dataDir, options.entities(), options.tilesPerEntity(), nowMs, options.seed());
		notes.add(String.format("Loaded %,d tiles (%,d entities x %d) straight into the tile store in %d s.", tiles,
				options.entities(), options.tilesPerEntity(), Duration.ofNanos(System.nanoTime() - loading).toSeconds()));
		progress(notes.getLast());
		latencies.addAll(InProcessBaselines.measure(dataDir, BenchView.view(), options, nowMs));
		progress("In-process baselines measured");
		cluster.createTopics(2, List.of(BenchView.TOPIC));
		List<String> properties = new ArrayList<>(List.of("--streamplane.roles=feature-server"));
		properties.addAll(BenchView.serverProperties());
		try (ServerProcess server = ServerProcess.start(dataDir, cluster.bootstrapServers(), freePort(),
				freePort(), options.serverHeap(), properties);
				EchoProcess echo = options.echo() ? EchoProcess.start(freePort()) : null) {
			progress("Feature server started, pid " + server.pid() + (echo == null ? "" : ", echo server pid " + echo.pid()));
			LoadPhases phases = new LoadPhases(options, server);
			phases.check();
			List<OpenLoopLoad.Result> echoes = new ArrayList<>();
			List<OpenLoopLoad.Result> trivial = new ArrayList<>();
			List<OpenLoopLoad.Result> gets = new ArrayList<>();
			for (int round = 1; round <= options.rounds(); round++) {
				Phase echoPhase = null;
				if (echo != null) {
					int port = echo.port();
					echoPhase = Phase.measure(echo.pid(), requestsPerPhase(), () -> phases.echo(port));
					echoes.add(echoPhase.result());
				}
				Phase baseline = Phase.measure(server.pid(), requestsPerPhase(), phases::trivial);
				trivial.add(baseline.result());
				int getRound = round;
				Phase get = Phase.measure(server.pid(), requestsPerPhase(), () -> phases.get(getRound));
				gets.add(get.result());
				rounds.add(new Round(echoPhase, baseline, get, perRequest(baseline.cpu()), perRequest(get.cpu())));
				progress(String.format("Round %d of %d: %s404 p99 %.3f ms, GET p99 %.3f ms", round, options.rounds(),
						echoPhase == null ? "" : String.format("echo p99 %.3f ms, ", echoPhase.latency().p99() / 1000),
						rounds.getLast().baseline().latency().p99() / 1000, rounds.getLast().get().latency().p99() / 1000));
			}
			if (!echoes.isEmpty()) {
				latencies.add(OpenLoopLoad.Result.pool(echoes.getFirst().name(), echoes).latency());
			}
			latencies.add(OpenLoopLoad.Result.pool(trivial.getFirst().name(), trivial).latency());
			latencies.add(OpenLoopLoad.Result.pool(gets.getFirst().name(), gets).latency());
			latencies.add(phases.post());
			progress("POST measured");
			latencies.add(phases.webGet());
			progress("GET on the web server's port measured");
			return options.rssUpdates() > 0 ? rss(server, cluster) : null;
		}
	}

	private List<Latency> freshness(Path dataDir, BenchmarkCluster cluster) throws IOException, InterruptedException {
		cluster.createTopics(2, FreshnessRun.topics());
		try (ServerProcess server = ServerProcess.start(dataDir.resolve("features"), cluster.bootstrapServers(),
				freePort(), freePort(), options.serverHeap(), FreshnessRun.serverProperties(dataDir.resolve("engine").toString(),
						options.commitInterval()))) {
			progress("Engine + feature server started, pid " + server.pid());
			return new FreshnessRun(options, server, cluster.bootstrapServers()).measure(notes);
		}
	}

	private RssSample rss(ServerProcess server, BenchmarkCluster cluster) throws InterruptedException {
		RssProbe probe = new RssProbe(server.pid());
		List<Long> samples = new ArrayList<>(List.of(probe.kilobytes()));
		long start = System.nanoTime();
		Thread producer = Thread.ofPlatform().name("tile-updates").start(() -> TileUpdates.produce(
				cluster.bootstrapServers(), options.rssUpdates(), options.entities(), System.currentTimeMillis(),
				options.seed() + 7));
		long deadline = start + Duration.ofMinutes(15).toNanos();
		long ingested = 0;
		while (ingested < options.rssUpdates() && System.nanoTime() < deadline) {
			ServerProcess.sleep(1000);
			samples.add(probe.kilobytes());
			ingested = server.tilesIngested();
			if (samples.size() % 15 == 0) {
				progress(String.format("RSS %,d kB, %,d of %,d updates ingested", samples.getLast(), ingested,
						options.rssUpdates()));
			}
		}
		producer.join(Duration.ofMinutes(1));
		if (ingested < options.rssUpdates()) {
			notes.add(String.format("The server had ingested only %,d of %,d updates after 15 minutes.", ingested,
					options.rssUpdates()));
		}
		return new RssSample(options.rssUpdates(), ingested, (System.nanoTime() - start) / 1e9, samples);
	}

	/**
	 * One round of the echo server (null without {@code --echo}), the serving port's 404 baseline and the GET,
	 * measured back to back, with the server's CPU time per 404 and GET sent (warm-up included).
	 */
	record Round(Phase echo, Phase baseline, Phase get, double baselineCpuMicros, double getCpuMicros) {
	}

	/** Server CPU microseconds per request of a phase at the GET rate, warm-up and measurement. */
	private double perRequest(Duration cpu) {
		return cpu.toNanos() / 1000.0 / requestsPerPhase();
	}

	/** Requests sent by a phase at the GET rate, warm-up and measurement. */
	private long requestsPerPhase() {
		return (options.warmup().toSeconds() + options.measure().toSeconds()) * options.getRate();
	}

	static void progress(String message) {
		System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return socket.getLocalPort();
		}
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new BenchmarkException("Could not delete " + directory + ": " + ex.getMessage(), ex);
		}
	}

}
