package io.streamplane.app.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class EngineLifecycleIT extends AdminApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(45);

	@Value("${streamplane.engine.state-dir}")
	String stateDir;

	@Test
	void shouldRunDeployedPipelineExactlyDeadLetterBadRecordsAndReportStatus() {
		Pipeline pipeline = Pipeline.enrichment(unique("enrich"));
		KafkaTopics.create(pipeline.input(), 2);
		deploy(pipeline);
		KafkaTopics.produce(pipeline.input(), List.of(payment(1, 250.0), payment(2, 1500.0),
				Map.entry("3", "this is not json"), payment(4, 999.99)));

		List<ConsumerRecord<String, String>> output = KafkaTopics.read(pipeline.output(), 3, WAIT,
				Duration.ofSeconds(1));
		assertThat(output).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("1", "2", "4");
		assertThat(output).extracting(record -> JSON.readTree(record.value()))
			.containsExactlyInAnyOrder(enriched(1, 250.0, false), enriched(2, 1500.0, true),
					enriched(4, 999.99, false));

		List<ConsumerRecord<String, String>> deadLetters = KafkaTopics.read(pipeline.deadLetterTopic(), 1, WAIT,
				Duration.ZERO);
		assertThat(deadLetters).singleElement().satisfies(record -> {
			assertThat(record.value()).isEqualTo("this is not json");
			assertThat(header(record, "sp.pipeline")).isEqualTo(pipeline.name());
			assertThat(header(record, "sp.reason")).isNotBlank();
		});

		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode status = status(pipeline);
			assertThat(status.path("state").asString()).isEqualTo("RUNNING");
			assertThat(status.at("/instances/0/version").asInt()).isEqualTo(1);
			assertThat(status.at("/totals/deadLetters").asLong()).isEqualTo(1);
			assertThat(status.at("/totals/consumerLag").asLong()).isZero();
		});
		assertThat(api.get("/actuator/health").json().at("/components/pipelines/components/"
				+ pipeline.name() + "/status").asString()).isEqualTo("UP");
		assertThat(api.withoutToken().get("/actuator/prometheus").body())
			.contains("streamplane_pipeline_records_in_records_total{pipeline=\"" + pipeline.name() + "\"} 4");
	}

	@Test
	void shouldProduceNothingWhilePausedAndContinueOnResume() {
		Pipeline pipeline = Pipeline.enrichment(unique("pause"));
		KafkaTopics.create(pipeline.input(), 1);
		deploy(pipeline);
		KafkaTopics.produce(pipeline.input(), List.of(payment(1, 10.0)));
		assertThat(KafkaTopics.read(pipeline.output(), 1, WAIT, Duration.ZERO)).hasSize(1);

		assertThat(api.post(pipeline.path() + "/pause").status()).isEqualTo(200);
		await().atMost(WAIT).until(() -> status(pipeline).path("state").asString().equals("PAUSED"));
		KafkaTopics.produce(pipeline.input(), List.of(payment(2, 20.0), payment(3, 30.0)));
		assertThat(KafkaTopics.read(pipeline.output(), 3, Duration.ofSeconds(3), Duration.ZERO))
			.as("nothing is processed while paused").hasSize(1);

		assertThat(api.post(pipeline.path() + "/resume").status()).isEqualTo(200);
		assertThat(KafkaTopics.read(pipeline.output(), 3, WAIT, Duration.ofSeconds(1)))
			.extracting(ConsumerRecord::key).containsExactly("1", "2", "3");
	}

	@Test
	void shouldWaitForMissingInputThenRunAndRemoveEverythingOnDelete() {
		Pipeline pipeline = Pipeline.enrichment(unique("waiting"));
		deploy(pipeline);
		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode status = status(pipeline);
			assertThat(status.path("state").asString()).isEqualTo("WAITING_FOR_INPUT");
			assertThat(status.at("/instances/0/lastError").asString()).contains(pipeline.input())
				.contains("create them");
		});

		KafkaTopics.create(pipeline.input(), 1);
		KafkaTopics.produce(pipeline.input(), List.of(payment(7, 70.0)));
		assertThat(KafkaTopics.read(pipeline.output(), 1, WAIT, Duration.ZERO)).extracting(ConsumerRecord::key)
			.containsExactly("7");
		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode status = status(pipeline);
			assertThat(status.path("state").asString()).isEqualTo("RUNNING");
			assertThat(status.at("/instances/0/lastError").isNull()).as("lastError cleared (issue 12): " + status)
				.isTrue();
			assertThat(status.at("/instances/0/lastErrorAt").isNull()).isTrue();
		});
		String applicationId = "sp-" + pipeline.name() + "-v1";
		assertThat(KafkaTopics.consumerGroups()).contains(applicationId);

		assertThat(api.delete(pipeline.path()).status()).isEqualTo(200);
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(KafkaTopics.consumerGroups()).doesNotContain(applicationId);
			assertThat(KafkaTopics.names()).noneMatch(topic -> topic.startsWith(applicationId + "-"));
			assertThat(api.get("/actuator/health").json().at("/components/pipelines/components/"
					+ pipeline.name()).isMissingNode()).isTrue();
		});
	}

	@Test
	void shouldRemoveTheLocalStateDirectoryWhenARunningPipelineIsDeleted() {
		Pipeline pipeline = Pipeline.wordCount(unique("stateful"));
		KafkaTopics.create(pipeline.input(), 1);
		KafkaTopics.produce(pipeline.input(), List.of(Map.entry("1", "{\"t\": 0, \"line\": \"hello world\"}"),
				Map.entry("2", "{\"t\": 25, \"line\": \"bye\"}")));
		deploy(pipeline);
		assertThat(KafkaTopics.read(pipeline.output(), 2, WAIT, Duration.ZERO)).extracting(ConsumerRecord::key)
			.containsExactlyInAnyOrder("hello", "world");
		Path localState = Path.of(this.stateDir, "sp-" + pipeline.name() + "-v1");
		assertThat(localState).as("the window store's local state").isDirectory();

		assertThat(api.delete(pipeline.path()).status()).isEqualTo(200);

		await().atMost(WAIT).untilAsserted(() -> assertThat(localState)
			.as("docs/engine.md: deleting removes local state (issue 12)")
			.doesNotExist());
	}

	private void deploy(Pipeline pipeline) {
		Response created = api.post("/api/v1/pipelines", "application/yaml", pipeline.spec());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	private JsonNode status(Pipeline pipeline) {
		return api.get(pipeline.path() + "/status").json();
	}

	static Map.Entry<String, String> payment(int id, double amount) {
		return Map.entry(Integer.toString(id),
				"{\"id\": %d, \"amount\": %s, \"country\": \"NL\"}".formatted(id, amount));
	}

	private static JsonNode enriched(int id, double amount, boolean highValue) {
		return JSON.createObjectNode().put("id", id).put("amount", amount).put("is_high_value", highValue);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
