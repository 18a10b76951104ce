package io.streamplane.benchmarks.features;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.streamplane.benchmarks.harness.BenchmarkException;

/** {@link EchoServer} in a JVM of its own, with the feature server's collector. */
final class EchoProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private EchoProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static EchoProcess start(int port) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx64m", ServerProcess.gc(), "-cp",
				System.getProperty("java.class.path"), EchoServer.class.getName(), Integer.toString(port)));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		EchoProcess echo = new EchoProcess(process, port);
		echo.awaitListening(Duration.ofSeconds(30));
		return echo;
	}

	int port() {
		return port;
	}

	long pid() {
		return process.pid();
	}

	private void awaitListening(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new BenchmarkException("The echo server exited with " + process.exitValue());
			}
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				return;
			}
			catch (IOException ex) {
				ServerProcess.sleep(100);
			}
		}
		process.destroyForcibly();
		throw new BenchmarkException("The echo server did not listen on port " + port + " within " + timeout);
	}

	@Override
	public void close() {
		ServerProcess.stop(process, 10);
	}

}
