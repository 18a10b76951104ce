package io.streamplane.benchmarks.index;

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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.streamplane.benchmarks.harness.BenchmarkException;

/**
 * Streamplane's application in a JVM of its own, started from this benchmark's class path with the given heap
 * and arguments, its log in {@code target/<log>}. {@code INDEX_FRESHNESS_JAVA_OPTS} adds JVM options.
 */
final class AppProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private final Process process;

	private final int port;

	private final Path log;

	private final HttpClient http = HttpClient.newHttpClient();

	private AppProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the application on {@code port} and waits until it is ready and {@code ready} holds.
	 *
	 * @param log the log file's name under {@code target/}
	 */
	static AppProcess start(String heap, int port, List<String> arguments, String log, BooleanSupplier ready)
			throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "--enable-native-access=ALL-UNNAMED",
				"--add-modules", "jdk.incubator.vector"));
		String extra = System.getenv("INDEX_FRESHNESS_JAVA_OPTS");
		if (extra != null && !extra.isBlank()) {
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.streamplane.app.StreamplaneApplication",
				"--server.port=" + port, "--logging.level.root=WARN", "--logging.level.io.streamplane=INFO"));
		command.addAll(arguments);
		Path file = Path.of("target", log);
		Files.createDirectories(file.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(file.toFile()).start();
		AppProcess app = new AppProcess(process, port, file);
		try {
			app.awaitReady(ready);
		}
		catch (RuntimeException ex) {
			process.destroyForcibly();
			throw ex;
		}
		return app;
	}

	/** The body of a GET answered 200, or {@code null} for any other status. */
	String get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).build(), 200, false);
	}

	/** The body of a JSON POST answered 200, or {@code null} for any other status. */
	String post(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json)).build(), 200, false);
	}

	/** Sends a request, failing unless it is answered {@code status}. */
	String require(HttpRequest.Builder request, int status) {
		return send(request.build(), status, true);
	}

	/** The URI of a path on this process's port. */
	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** CPU time (user and system, all threads) used so far. */
	Duration cpuTime() {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	/** Resident set size now, kB. */
	long rssKilobytes() {
		return Rss.kilobytes(Long.toString(process.pid()));
	}

	private String send(HttpRequest request, int status, boolean required) {
		try {
			HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
			if (response.statusCode() == status) {
				return response.body();
			}
			if (required) {
				throw new BenchmarkException(request.uri() + " answered " + response.statusCode() + ": "
						+ response.body());
			}
			return null;
		}
		catch (IOException ex) {
			throw new BenchmarkException(request.uri() + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
		}
	}

	private void awaitReady(BooleanSupplier ready) {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new BenchmarkException("Streamplane exited with " + process.exitValue() + "; see " + log);
			}
			try {
				if (http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
						BodyHandlers.discarding()).statusCode() == 200 && ready.getAsBoolean()) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BenchmarkException("Interrupted while waiting for Streamplane", ex);
			}
			sleep(Duration.ofMillis(500));
		}
		throw new BenchmarkException("Streamplane was not ready within " + START_TIMEOUT + "; see " + log);
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
		}
	}

	/** Stops the process (SIGTERM, then SIGKILL after 30 s). */
	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
