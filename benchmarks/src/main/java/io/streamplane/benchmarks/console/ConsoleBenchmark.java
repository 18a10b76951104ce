package io.streamplane.benchmarks.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.benchmarks.harness.Arguments;
import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.protocol.EngineStatus;
import io.streamplane.protocol.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the web console's pipelines page renders with many pipelines (the target: 100 pipelines in under a
 * second), against the same page with one pipeline in the same run (the baseline). A control plane runs in this
 * JVM on standalone (embedded Kafka and PostgreSQL, no engine: nothing runs the pipelines), the pipelines are
 * registered over REST, and status reports of two engine instances per pipeline are published to
 * {@code sp.status} as engines would, so every row has figures. Headless Chromium then opens the page again and
 * again; the page marks when its table first holds every pipeline ({@code performance.mark}, measured from the
 * navigation's start: HTML, scripts, the status request and the drawing) and how long each 2-second refresh
 * takes to update the table.
 */
public final class ConsoleBenchmark {

	private static final Map<String, String> DEFAULTS = Map.of("pipelines", "100", "rounds", "10", "report",
			"target/console-results.md");

	private static final String TOKEN = "console-benchmark-admin-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private ConsoleBenchmark(int port) {
		this.base = "http://localhost:" + port + "/";
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Arguments.parse(DEFAULTS, args);
		int pipelines = Integer.parseInt(options.get("pipelines"));
		int rounds = Integer.parseInt(options.get("rounds"));
		Path dataDir = Files.createTempDirectory("streamplane-console-benchmark-");
		int[] ports = Ports.free(5);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StreamplaneApplication.class).run(
				"--streamplane.roles=control-plane", "--server.port=" + ports[0],
				"--streamplane.standalone.kafka-port=" + ports[1], "--streamplane.standalone.controller-port=" + ports[2],
				"--streamplane.standalone.postgres-port=" + ports[3], "--streamplane.standalone.data-dir=" + dataDir,
				"--streamplane.security.admin-token=" + TOKEN, "--logging.level.root=WARN");
				KafkaProducer<String, String> reports = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
						"localhost:" + ports[1]), new StringSerializer(), new StringSerializer());
				PageTimer browser = PageTimer.start()) {
			ConsoleBenchmark benchmark = new ConsoleBenchmark(ports[0]);
			List<String> names = new ArrayList<>();
			benchmark.register(names, 1, reports);
			PageTimer.Result baseline = browser.measure(benchmark.base + "#/pipelines", 1, rounds);
			benchmark.register(names, pipelines, reports);
			PageTimer.Result many = browser.measure(benchmark.base + "#/pipelines", pipelines, rounds);
			String report = report(pipelines, rounds, baseline, many);
			System.out.println(report);
			Path out = Path.of(options.get("report"));
			Files.createDirectories(out.toAbsolutePath().getParent());
			Files.writeString(out, report);
		}
		finally {
			org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	/** Registers pipelines until there are {@code count}, and publishes their engines' status reports. */
	private void register(List<String> names, int count, KafkaProducer<String, String> reports) throws Exception {
		String example = Files.readString(Path.of("..", "examples", "topic-to-topic-enrichment.yaml"));
		while (names.size() < count) {
			String name = String.format(Locale.ROOT, "bench-pipeline-%03d", names.size());
			String spec = example.replace("name: topic-to-topic-enrichment", "name: " + name);
			int status = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/pipelines"))
				.header("Content-Type", "application/yaml")
				.header("Authorization", "Bearer " + TOKEN)
				.POST(BodyPublishers.ofString(spec))
				.build(), BodyHandlers.discarding()).statusCode();
			if (status != 201) {
				throw new BenchmarkException("registering " + name + " answered " + status);
			}
			names.add(name);
		}
		for (int i = 0; i < names.size(); i++) {
			for (String instance : List.of("engine-a", "engine-b")) {
				EngineStatus report = new EngineStatus(names.get(i), 1, instance, "RUNNING", 100.0 + i, 99.0 + i, i * 3L,
						i % 5, i % 7, null, null, Instant.now());
				reports.send(new ProducerRecord<>(Topics.STATUS, names.get(i) + "/" + instance, JSON.writeValueAsString(report)));
			}
		}
		reports.flush();
	}

	private static String report(int pipelines, int rounds, PageTimer.Result baseline, PageTimer.Result many) {
		StringBuilder out = new StringBuilder();
		out.append("## Web console: the pipelines page\n\n");
		out.append(String.format(Locale.ROOT, "%d rounds per size; headless Chromium; times in ms.%n%n", rounds));
		out.append("| pipelines | first full table, p50 | p90 | max | one refresh of the table, p50 | p90 | max |\n");
		out.append("|---:|---:|---:|---:|---:|---:|---:|\n");
		out.append(row(1, baseline)).append(row(pipelines, many));
		out.append(String.format(Locale.ROOT, "%nRatio %d pipelines / 1 pipeline: first table p50 %.2f, refresh p50 %.2f. "
				+ "Target: %d pipelines in under 1,000 ms: %s.%n", pipelines, many.firstRender().p50() / baseline.firstRender().p50(),
				many.refresh().p50() / Math.max(0.01, baseline.refresh().p50()), pipelines,
				many.firstRender().max() < 1000 ? "met (max " + Math.round(many.firstRender().max()) + " ms)" : "MISSED"));
		return out.toString();
	}

	private static String row(int pipelines, PageTimer.Result result) {
		return String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.1f | %.1f | %.1f |%n", pipelines,
				result.firstRender().p50(), result.firstRender().p90(), result.firstRender().max(), result.refresh().p50(),
				result.refresh().p90(), result.refresh().max());
	}

	private static final class Ports {

		static int[] free(int count) throws IOException {
			List<java.net.ServerSocket> sockets = new ArrayList<>();
			try {
				for (int i = 0; i < count; i++) {
					sockets.add(new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress()));
				}
				return sockets.stream().mapToInt(java.net.ServerSocket::getLocalPort).toArray();
			}
			finally {
				for (java.net.ServerSocket socket : sockets) {
					socket.close();
				}
			}
		}

	}

}
