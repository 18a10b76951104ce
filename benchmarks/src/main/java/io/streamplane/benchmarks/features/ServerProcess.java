package io.streamplane.benchmarks.features;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.streamplane.benchmarks.harness.BenchmarkException;

/**
 * The feature server under test: Streamplane's application with the roles its properties name (the feature-server
 * role alone, or the engine too for freshness), in a JVM of its own (so its RSS is its own), on this benchmark's class path, serving the loaded data directory and
 * ingesting tiles from the benchmark broker. Keep-alive connections are never closed by the server (Tomcat's
 * default closes them every 100 requests), as a model server's pooled client expects; see docs/features.md
 * (sizing). Its log goes to {@code target/feature-server.log}. Environment variable
 * {@code FEATURE_SERVER_JAVA_OPTS} adds JVM options, e.g. a JFR recording; the server runs with ZGC unless they
 * name another collector (e.g. {@code -XX:+UseG1GC}).
 */
final class ServerProcess implements AutoCloseable {

	private static final Pattern TILES = Pattern.compile("(?m)^streamplane_features_ingest_tiles_total(?:\\{[^}]*\\})? (\\S+)$");

	private final Process process;

	/** The collector the server runs with unless FEATURE_SERVER_JAVA_OPTS picks one: the one features.md recommends. */
	static final String DEFAULT_GC = "-XX:+UseZGC";

	private final int port;

	private final int servingPort;

	private final HttpClient http = HttpClient.newHttpClient();

	private ServerProcess(Process process, int port, int servingPort) {
		this.process = process;
		this.port = port;
		this.servingPort = servingPort;
	}

	static ServerProcess start(Path dataDir, String bootstrapServers, int port, int servingPort, String heap,
			List<String> properties)
			throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch"));
		List<String> extraOptions = extraOptions();
		if (extraOptions.stream().noneMatch(ServerProcess::isCollector)) {
			command.add(DEFAULT_GC);
		}
		command.addAll(extraOptions);
		command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
				"io.streamplane.app.StreamplaneApplication",
				"--streamplane.standalone.enabled=false", "--server.port=" + port,
				"--streamplane.feature-server.serving-port=" + servingPort,
				"--spring.kafka.bootstrap-servers=" + bootstrapServers,
				"--streamplane.feature-server.data-dir=" + dataDir, "--logging.level.root=WARN",
				"--server.tomcat.max-keep-alive-requests=-1"));
		command.addAll(properties);
		Path log = Path.of("target", "feature-server.log");
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServerProcess server = new ServerProcess(process, port, servingPort);
		try {
			server.awaitLive(Duration.ofSeconds(120), log);
		}
		catch (RuntimeException ex) {
			// else the server outlives the benchmark, holding its ports and a core
			process.destroyForcibly();
			throw ex;
		}
		return server;
	}

	/** The server's extra JVM options, from FEATURE_SERVER_JAVA_OPTS. */
	static List<String> extraOptions() {
		String options = System.getenv("FEATURE_SERVER_JAVA_OPTS");
		return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
	}

	/** The collector option the server runs with. */
	static String gc() {
		return extraOptions().stream()
			.filter(ServerProcess::isCollector)
			.findFirst()
			.orElse(DEFAULT_GC);
	}

	private static boolean isCollector(String option) {
		return option.startsWith("-XX:+Use") && option.endsWith("GC");
	}

	/** The web server's port (Tomcat, Spring MVC). */
	int port() {
		return port;
	}

	/** The feature serving listener's port. */
	int servingPort() {
		return servingPort;
	}

	long pid() {
		return process.pid();
	}

	/** The CPU time the server process has used so far (user and system, all threads). */
	Duration cpuTime() {
		return process.info().totalCpuDuration()
			.orElseThrow(() -> new BenchmarkException("The OS does not report the server's CPU time"));
	}

	/** The body of a GET, failing unless it is a 200. */
	String get(String path) {
		return body(HttpRequest.newBuilder(uri(path)).build());
	}

	/** The body of a GET if it is a 200, else empty (e.g. a view not served yet). */
	Optional<String> getIfOk(String path) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(), BodyHandlers.ofString());
			return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
		}
		catch (IOException ex) {
			throw new BenchmarkException(path + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
		}
	}

	/** The body of a JSON POST, failing unless it is a 200. */
	String post(String path, String json) {
		return body(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json)).build());
	}

	/** The server's count of ingested tiles, from its Prometheus endpoint. */
	long tilesIngested() {
		Matcher matcher = TILES.matcher(get("/actuator/prometheus"));
		return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
	}

	private void awaitLive(Duration timeout, Path log) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new BenchmarkException("The feature server exited with " + process.exitValue() + "; see " + log);
			}
			try {
				if (http.send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).build(),
						BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BenchmarkException("Interrupted while waiting for the feature server", ex);
			}
			sleep(200);
		}
		throw new BenchmarkException("The feature server did not start within " + timeout + "; see " + log);
	}

	private String body(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new BenchmarkException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new BenchmarkException(request.uri() + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
		}
	}

	@Override
	public void close() {
		stop(process, 30);
	}

	/** Asks {@code process} to stop and kills it if it has not within {@code seconds}. */
	static void stop(Process process, int seconds) {
		process.destroy();
		try {
			if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
