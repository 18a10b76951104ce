package io.streamplane.app.split;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.TestInfrastructure;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) scraping Streamplane processes and
 * evaluating the alert rules every 5 seconds (a scrape of a process on a busy 2-core machine can take a second or
 * more; one that outlasts the interval counts as the target being down). In CI ({@code CI} set) a missing binary fails the test; on a
 * developer's machine the test is skipped with a message naming the package.
 */
final class PrometheusServer implements AutoCloseable {

	private final Process process;

	private final ApiClient api;

	private final Path log;

	private PrometheusServer(Process process, int port, Path log) {
		this.process = process;
		this.api = ApiClient.admin(port, "unused").withoutToken();
		this.log = log;
	}

	/**
	 * Starts Prometheus on a free port, scraping {@code /actuator/prometheus} of the targets
	 * ({@code host:port}) as job {@code streamplane}, with the rule files; waits until it is ready.
	 */
	static PrometheusServer start(List<String> targets, List<Path> ruleFiles, Path directory) {
		Path binary = find("prometheus").orElseGet(PrometheusServer::missing);
		int port = TestInfrastructure.freePort();
		Path config = directory.resolve("prometheus.yml");
		Path log = directory.resolve("prometheus.log");
		try {
			Files.createDirectories(directory);
			Files.writeString(config, """
					global: { scrape_interval: 5s, evaluation_interval: 5s }
					rule_files: [%s]
					scrape_configs:
					  - job_name: streamplane
					    metrics_path: /actuator/prometheus
					    static_configs:
					      - targets: [%s]
					""".formatted(ruleFiles.stream().map(f -> "\"" + f.toAbsolutePath() + "\"").collect(
					Collectors.joining(", ")), String.join(", ", targets)));
			Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
					"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			PrometheusServer server = new PrometheusServer(process, port, log);
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
				if (!process.isAlive()) {
					throw new AssertionError("prometheus exited; see " + log);
				}
				return server.api.get("/-/ready").status() == 200;
			});
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start prometheus; see " + log, ex);
		}
	}

	/** {@code GET /api/v1/query}: the JSON answer, whether it succeeded or not. */
	JsonNode query(String promql) {
		Response response = api.get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		return response.json();
	}

	/** {@code GET /api/v1/targets}: every target with its health and last scrape error. */
	JsonNode targets() {
		return api.get("/api/v1/targets").json();
	}

	/** {@code GET /api/v1/rules}: every rule group with each rule's health. */
	JsonNode rules() {
		return api.get("/api/v1/rules").json();
	}

	Path log() {
		return log;
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	private static Optional<Path> find(String name) {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(directory, name);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	private static Path missing() {
		String message = "prometheus is not on the PATH: install it with `apt-get install prometheus` "
				+ "(.ci/run does so in CI)";
		if (System.getenv("CI") != null) {
			Assertions.fail(message);
		}
		Assumptions.abort(message + "; skipped outside CI");
		throw new IllegalStateException("unreachable");
	}

}
