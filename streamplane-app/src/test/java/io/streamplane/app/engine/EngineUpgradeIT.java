package io.streamplane.app.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.protocol.WritableTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pipeline's life beyond its first version: a new version replaces the old application and
 * everything it left in Kafka, and a version that keeps failing at run time ends up
 * {@code FAILED}, visibly so in its status and health.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class EngineUpgradeIT extends AdminApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(45);

	private static final int OUTPUT_MAX_MESSAGE_BYTES = 512;

	@Test
	void shouldReplaceTheOldApplicationAndReprocessWithTheNewExpressionOnUpdate() {
		Pipeline pipeline = Pipeline.enrichment(EngineLifecycleIT.unique("upgrade"));
		KafkaTopics.create(pipeline.input(), 1);
		assertThat(api.post("/api/v1/pipelines", "application/yaml", pipeline.spec()).status()).isEqualTo(201);
		KafkaTopics.produce(pipeline.input(), List.of(EngineLifecycleIT.payment(1, 500.0)));
		assertThat(KafkaTopics.read(pipeline.output(), 1, WAIT, Duration.ZERO)).hasSize(1);
		String firstApplication = "sp-" + pipeline.name() + "-v1";
		assertThat(KafkaTopics.consumerGroups()).contains(firstApplication);

		Response updated = api.put(pipeline.path(), "application/yaml",
				pipeline.spec().replace("amount >= 1000", "amount >= 100"));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode status = status(pipeline);
			assertThat(status.path("latestVersion").asInt()).isEqualTo(2);
			assertThat(status.path("state").asString()).isEqualTo("RUNNING");
			assertThat(status.path("instances").valueStream()).isNotEmpty()
				.allSatisfy(instance -> assertThat(instance.path("version").asInt()).isEqualTo(2));
			assertThat(KafkaTopics.consumerGroups()).doesNotContain(firstApplication)
				.contains("sp-" + pipeline.name() + "-v2");
			assertThat(KafkaTopics.names()).noneMatch(topic -> topic.startsWith(firstApplication + "-"));
		});

		KafkaTopics.produce(pipeline.input(), List.of(EngineLifecycleIT.payment(2, 500.0)));
		assertThat(KafkaTopics.read(pipeline.output(), 3, WAIT, Duration.ofSeconds(1)))
			.extracting(record -> JSON.readTree(record.value()))
			.as("version 1's result, then version 2 reprocessing the input from the start")
			.containsExactlyInAnyOrder(enriched(1, 500.0, false), enriched(1, 500.0, true), enriched(2, 500.0, true));
		api.delete(pipeline.path());
	}

	@Test
	void shouldReportFailedWithTheErrorWhenTheOutputRejectsEveryRecordAfterRestarts() {
		Pipeline pipeline = copyNotes(EngineLifecycleIT.unique("too-large"));
		KafkaTopics.create(pipeline.input(), 1);
		createTopic(pipeline.output(), Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
				Integer.toString(OUTPUT_MAX_MESSAGE_BYTES)));
		Instant deployed = Instant.now();
		assertThat(api.post("/api/v1/pipelines", "application/yaml", pipeline.spec()).status()).isEqualTo(201);
		String note = "x".repeat(4 * OUTPUT_MAX_MESSAGE_BYTES);
		KafkaTopics.produce(pipeline.input(), List.of(Map.entry("1", "{\"id\": 1, \"note\": \"" + note + "\"}")));

		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode status = status(pipeline);
			assertThat(status.path("state").asString()).isEqualTo("FAILED");
			assertThat(status.at("/instances/0/lastError").asString()).contains("RecordTooLargeException");
			assertThat(Instant.parse(status.at("/instances/0/lastErrorAt").asString())).isAfter(deployed);
		});
		JsonNode health = api.get("/actuator/health")
			.json()
			.at("/components/pipelines/components/" + pipeline.name());
		assertThat(health.path("status").asString()).isEqualTo("DOWN");
		assertThat(health.at("/details/state").asString()).isEqualTo("FAILED");
		api.delete(pipeline.path());
	}

	/** Copies each note, unchanged, to an output topic of its own. */
	private static Pipeline copyNotes(String name) {
		String input = name + "-notes";
		String output = name + "-copies";
		String spec = """
				name: %s
				sources:
				  notes:
				    kafka: { topic: %s, format: json }
				    fields: { id: int, note: string }
				transforms:
				  copies:
				    from: notes
				    steps:
				      - select: [id, note]
				outputs:
				  - { from: copies, kafka: { topic: %s, format: json } }
				""".formatted(name, input, output);
		return new Pipeline(name, input, output, spec);
	}

	private static void createTopic(String topic, Map<String, String> configs) {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()).configs(configs)))
				.all()
				.get();
			WritableTopics.await(admin, List.of(topic), TestInfrastructure.WRITABLE);
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException("cannot create topic " + topic, ex);
		}
	}

	private JsonNode status(Pipeline pipeline) {
		return api.get(pipeline.path() + "/status").json();
	}

	private static JsonNode enriched(int id, double amount, boolean highValue) {
		return JSON.createObjectNode().put("id", id).put("amount", amount).put("is_high_value", highValue);
	}

}
