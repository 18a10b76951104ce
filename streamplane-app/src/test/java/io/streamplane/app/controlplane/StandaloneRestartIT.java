package io.streamplane.app.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.protocol.EngineStatus;
import io.streamplane.protocol.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform in standalone mode, as a user starts it: pipelines and their versions, and the
 * engine's instance id, survive a restart on the same data directory.
 * <p>
 * Embedded by nature: it restarts standalone's own broker and database, so it runs on the embedded
 * path whatever {@code -Pcontainers} says.
 */

class StandaloneRestartIT {

	@Test
	void shouldKeepPipelinesAndVersionsAcrossARestart() throws IOException {
		Path dataDir = TestInfrastructure.newDataDir();
		int[] ports = TestInfrastructure.freePorts(3);
		String[] args = { "--server.port=0", "--streamplane.standalone.data-dir=" + dataDir,
				"--streamplane.standalone.kafka-port=" + ports[0],
				"--streamplane.standalone.controller-port=" + ports[1],
				"--streamplane.standalone.postgres-port=" + ports[2] };
		String spec = ApiClient.example("topic-to-topic-enrichment.yaml");
		String path = "/api/v1/pipelines/topic-to-topic-enrichment";

		try (ConfigurableApplicationContext first = start(args)) {
			ApiClient api = client(first, dataDir);
			assertThat(api.post("/api/v1/pipelines", "application/yaml", spec).status()).isEqualTo(201);
			assertThat(api.put(path, "application/yaml", spec.replace("1000", "750")).status()).isEqualTo(200);
			assertThat(api.post(path + "/pause").status()).isEqualTo(200);
		}

		try (ConfigurableApplicationContext second = start(args)) {
			ApiClient api = client(second, dataDir);
			assertThat(api.get(path).json().path("version").asInt()).isEqualTo(2);
			assertThat(api.get(path).json().path("desiredState").asString()).isEqualTo("PAUSED");
			assertThat(api.get(path + "/versions").json()).extracting(version -> version.path("version").asInt())
				.containsExactly(1, 2);
			assertThat(api.get(path + "?version=1").json().at("/spec/transforms/enriched/steps/0/set/is_high_value")
				.asString()).isEqualTo("amount >= 1000");
		}
	}

	@Test
	void shouldKeepTheEngineInstanceIdAcrossARestartAndExpireInstancesThatAreGone() throws Exception {
		Path dataDir = TestInfrastructure.newDataDir();
		int[] ports = TestInfrastructure.freePorts(3);
		String[] args = { "--server.port=0", "--streamplane.standalone.data-dir=" + dataDir,
				"--streamplane.standalone.kafka-port=" + ports[0],
				"--streamplane.standalone.controller-port=" + ports[1],
				"--streamplane.standalone.postgres-port=" + ports[2], "--streamplane.engine.status-interval=500ms",
				"--streamplane.control-plane.status-stale-after=2s",
				"--streamplane.control-plane.status-expire-after=15s" };
		String status = "/api/v1/pipelines/topic-to-topic-enrichment/status";
		String instanceId;

		try (ConfigurableApplicationContext first = start(args)) {
			ApiClient api = client(first, dataDir);
			assertThat(api.post("/api/v1/pipelines", "application/yaml",
					ApiClient.example("topic-to-topic-enrichment.yaml")).status()).isEqualTo(201);
			instanceId = await().atMost(Duration.ofSeconds(30))
				.until(() -> instanceIds(api.get(status).json()), ids -> ids.size() == 1)
				.getFirst();
			assertThat(dataDir.resolve("engine/instance-id")).content().isEqualToIgnoringNewLines(instanceId);
		}

		try (ConfigurableApplicationContext second = start(args)) {
			ApiClient api = client(second, dataDir);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				JsonNode instances = api.get(status).json().path("instances");
				assertThat(instances.valueStream().map(instance -> instance.path("instanceId").asString()))
					.as("the same identity (issue 12)")
					.containsExactly(instanceId);
				assertThat(instances.path(0).path("state").asString()).isNotEqualTo("STALE");
			});

			reportFrom("engine-killed", "localhost:" + ports[0]);
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(api.get(status).json().path("instances").valueStream()
					.filter(instance -> instance.path("instanceId").asString().equals("engine-killed"))
					.map(instance -> instance.path("state").asString())).containsExactly("STALE"));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(instanceIds(api.get(status).json()))
					.as("an instance silent for status-expire-after is gone (issue 12)")
					.containsExactly(instanceId));
		}
	}

	private static List<String> instanceIds(JsonNode status) {
		return status.path("instances").valueStream().map(instance -> instance.path("instanceId").asString()).toList();
	}

	/** One status report of an instance that then falls silent, as a killed engine does. */
	private static void reportFrom(String instanceId, String bootstrapServers) throws Exception {
		EngineStatus report = new EngineStatus("topic-to-topic-enrichment", 1, instanceId, "RUNNING", 0, 0, 0, 0, 0,
				null, null, Instant.now());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			producer.send(new ProducerRecord<>(Topics.STATUS, Topics.statusKey(report.pipeline(), instanceId),
					JsonMapper.builder().build().writeValueAsString(report))).get();
		}
	}

	private static ConfigurableApplicationContext start(String[] args) {
		SpringApplication application = new SpringApplication(StreamplaneApplication.class);
		application.setRegisterShutdownHook(false);
		return application.run(args);
	}

	private static ApiClient client(ConfigurableApplicationContext context, Path dataDir) throws IOException {
		int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		return ApiClient.admin(port, Files.readString(dataDir.resolve("admin-token")).strip());
	}

}
