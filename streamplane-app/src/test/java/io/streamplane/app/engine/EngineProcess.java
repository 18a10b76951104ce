package io.streamplane.app.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.StreamplaneIntegrationTest;

/**
 * An engine-only Streamplane in a JVM of its own, on the test's class path, so a test can kill it
 * like an operating system would ({@code kill -9}). Its output goes to a log file.
 */
final class EngineProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	private EngineProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts an engine with the fast settings of {@link StreamplaneIntegrationTest#ENGINE_TEST_PROPERTIES}.
	 * @param log where the process's standard output and error go; replaced if it exists
	 */
	static EngineProcess start(String bootstrapServers, String instanceId, Path stateDir, Path log) {
		return start(bootstrapServers, instanceId, stateDir, log, Map.of());
	}

	/**
	 * Starts an engine as {@link #start(String, String, Path, Path)} does, with extra properties.
	 * @param extra more {@code --name=value} arguments, e.g. CDC tables and database
	 */
	static EngineProcess start(String bootstrapServers, String instanceId, Path stateDir, Path log,
			Map<String, String> extra) {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx512m", "-cp", System.getProperty("java.class.path"), StreamplaneApplication.class.getName(),
				"--streamplane.roles=engine", "--streamplane.standalone.enabled=false",
				"--spring.kafka.bootstrap-servers=" + bootstrapServers, "--streamplane.engine.instance-id=" + instanceId,
				"--streamplane.engine.state-dir=" + stateDir, "--server.port=0"));
		for (Map.Entry<String, String> property : StreamplaneIntegrationTest.ENGINE_TEST_PROPERTIES.entrySet()) {
			command.add("--" + property.getKey() + "=" + property.getValue());
		}
		extra.forEach((name, value) -> command.add("--" + name + "=" + value));
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new EngineProcess(process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start an engine process; see " + log, ex);
		}
	}

	boolean isAlive() {
		return process.isAlive();
	}

	Path log() {
		return log;
	}

	/** The size of its log so far: a sign of life while it starts, before it commits anything. */
	long logSize() {
		try {
			return Files.size(log);
		}
		catch (IOException ex) {
			return 0;
		}
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
