package io.streamplane.app.split;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.ApiClient.Response;

/**
 * One Streamplane process with the roles and properties a test gives it, in a JVM of its own on the test's
 * class path (as {@code java -jar streamplane-exec.jar} with the same arguments would run), its output in a log
 * file. A test can kill it as an operating system would ({@code kill -9}).
 */
final class RoleProcess implements AutoCloseable {

	/**
	 * How long a process may go without writing to its log while it starts: it is stuck, not slow. Four
	 * processes start in about 20 s on a quiet 2-core machine, and took 4 to 5 minutes, logging all along,
	 * while other builds loaded the machine 25-fold.
	 */
	private static final Duration SILENCE_LIMIT = Duration.ofMinutes(3);

	/** The longest start-up tolerated however busy the machine. */
	private static final Duration READY_LIMIT = Duration.ofMinutes(10);

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private RoleProcess(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a process; returns at once (see {@link #awaitReady()}).
	 * @param name names the process in messages and its log file, {@code <logs>/<name>.log}
	 * @param port its web server's port ({@code server.port})
	 * @param properties its {@code --name=value} arguments
	 */
	static RoleProcess start(String name, int port, Path logs, Map<String, String> properties) {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
				"--add-modules", "jdk.incubator.vector",
				"-cp", System.getProperty("java.class.path"), StreamplaneApplication.class.getName(),
				"--server.port=" + port));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		Path log = logs.resolve(name + ".log");
		try {
			Files.createDirectories(logs);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			return new RoleProcess(name, port, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + name + "; see " + log, ex);
		}
	}

	/**
	 * Waits until {@code /actuator/health/readiness} answers UP. Fails at once if the process died, and when it
	 * has logged nothing for {@link #SILENCE_LIMIT} or is not ready after {@link #READY_LIMIT}.
	 */
	RoleProcess awaitReady() {
		ApiClient client = api();
		Instant deadline = Instant.now().plus(READY_LIMIT);
		long logged = -1;
		Instant lastProgress = Instant.now();
		while (!isReady(client)) {
			if (!process.isAlive()) {
				throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log);
			}
			long size = log.toFile().length();
			if (size != logged) {
				logged = size;
				lastProgress = Instant.now();
			}
			Instant now = Instant.now();
			if (now.isAfter(deadline) || Duration.between(lastProgress, now).compareTo(SILENCE_LIMIT) > 0) {
				throw new AssertionError(name + " is not ready after " + Duration.between(deadline.minus(READY_LIMIT),
						now).toSeconds() + " s, its log silent for " + Duration.between(lastProgress, now).toSeconds()
						+ " s; see " + log);
			}
			sleep(500);
		}
		return this;
	}

	private static boolean isReady(ApiClient client) {
		try {
			Response response = client.get("/actuator/health/readiness");
			return response.status() == 200 && response.body().contains("\"UP\"");
		}
		catch (UncheckedIOException ex) {
			return false;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String name() {
		return name;
	}

	int port() {
		return port;
	}

	Path log() {
		return log;
	}

	/** A client of its web server, without credentials. */
	ApiClient api() {
		return ApiClient.admin(port, "unused").withoutToken();
	}

	/** Its {@code /actuator/prometheus} text. */
	String metrics() {
		return api().get("/actuator/prometheus").body();
	}

	/** Kills the process at once, without a shutdown hook running ({@code SIGKILL}), and waits for it. */
	void kill() {
		process.destroyForcibly();
		waitFor(30);
	}

	/** Stops the process gracefully ({@code SIGTERM}), or kills it after 30 seconds. */
	@Override
	public void close() {
		process.destroy();
		if (!waitFor(30)) {
			kill();
		}
	}

	private boolean waitFor(int seconds) {
		try {
			return process.waitFor(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
