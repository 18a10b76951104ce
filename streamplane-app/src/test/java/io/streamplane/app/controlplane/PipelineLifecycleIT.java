package io.streamplane.app.controlplane;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.protocol.EngineStatus;
import io.streamplane.protocol.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class PipelineLifecycleIT extends AdminApiIntegrationTest {

	private static final String YAML = "application/yaml";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldRoundTripCreateGetUpdatePauseResumeStatusDelete() {
		String spec = ApiClient.example("topic-to-topic-enrichment.yaml");
		String path = "/api/v1/pipelines/topic-to-topic-enrichment";

		Response created = api.post("/api/v1/pipelines", YAML, spec);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("version").asInt()).isEqualTo(1);
		assertThat(created.json().path("desiredState").asString()).isEqualTo("RUNNING");

		Response fetched = api.withoutToken().get(path);
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json().at("/spec/transforms/enriched/steps/0/set/is_high_value").asString())
			.isEqualTo("amount >= 1000");

		Response updated = api.put(path, YAML, spec.replace("amount >= 1000", "amount >= 500"));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().path("version").asInt()).isEqualTo(2);
		assertThat(api.get(path + "?version=1").json().at("/spec/transforms/enriched/steps/0/set/is_high_value")
			.asString()).isEqualTo("amount >= 1000");
		assertThat(api.get(path + "/versions").json()).extracting(version -> version.path("version").asInt())
			.containsExactly(1, 2);

		assertThat(api.post(path + "/pause").json().path("desiredState").asString()).isEqualTo("PAUSED");
		assertThat(api.get(path).json().path("desiredState").asString()).isEqualTo("PAUSED");
		assertThat(api.post(path + "/resume").json().path("desiredState").asString()).isEqualTo("RUNNING");

		Response status = api.get(path + "/status");
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.json().path("desiredState").asString()).isEqualTo("RUNNING");
		assertThat(status.json().path("latestVersion").asInt()).isEqualTo(2);

		assertThat(api.get(path + "/audit").json()).extracting(entry -> entry.path("action").asString())
			.containsExactly("CREATED", "UPDATED", "PAUSED", "RESUMED");

		assertThat(api.delete(path).status()).isEqualTo(200);
		assertThat(api.get(path).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/pipelines").json().path("items")).noneMatch(
				item -> item.path("name").asString().equals("topic-to-topic-enrichment"));

		Response recreated = api.post("/api/v1/pipelines", YAML, spec);
		assertThat(recreated.status()).isEqualTo(201);
		assertThat(recreated.json().path("version").asInt()).as("versions continue after a delete").isEqualTo(3);
		assertThat(api.delete(path).status()).isEqualTo(200);
	}

	@Test
	void shouldAcceptJsonAndYamlAndPageTheListing() {
		String prefix = unique("paged");
		for (int i = 0; i < 3; i++) {
			Response created = api.post("/api/v1/pipelines", "application/json", jsonSpec(prefix + "-" + i));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
		}
		Response page = api.get("/api/v1/pipelines?page=0&size=2");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().path("items")).hasSize(2);
		assertThat(page.json().path("totalItems").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(page.json().path("totalPages").asInt()).isGreaterThanOrEqualTo(2);
		for (int i = 0; i < 3; i++) {
			api.delete("/api/v1/pipelines/" + prefix + "-" + i);
		}
	}

	@Test
	void shouldPublishEveryDesiredStateChangeToTheCompactedTopic() {
		String name = unique("published");
		api.post("/api/v1/pipelines", "application/json", jsonSpec(name));
		api.post("/api/v1/pipelines/" + name + "/pause");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(desiredStates(name))
			.extracting(state -> state.path("state").asString())
			.containsSubsequence("RUNNING", "PAUSED"));
		JsonNode latest = desiredStates(name).getLast();
		assertThat(latest.path("version").asInt()).isEqualTo(1);
		assertThat(latest.at("/spec/name").asString()).isEqualTo(name);
		api.delete("/api/v1/pipelines/" + name);
	}

	@Test
	void shouldShowWhatEngineInstancesReport() throws Exception {
		String name = unique("reported");
		api.post("/api/v1/pipelines", "application/json", jsonSpec(name));
		EngineStatus report = new EngineStatus(name, 1, "engine-a", "RUNNING", 120.5, 118.0, 42, 3, 2,
				"record 17: field 'amount' is missing", Instant.now(), Instant.now());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			producer.send(new ProducerRecord<>(Topics.STATUS, Topics.statusKey(name, "engine-a"),
					JSON.writeValueAsString(report))).get();
		}

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode status = api.get("/api/v1/pipelines/" + name + "/status").json();
			JsonNode reported = status.path("instances").valueStream()
				.filter(instance -> instance.path("instanceId").asString().equals("engine-a"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("engine-a is not in " + status));
			assertThat(reported.path("state").asString()).isEqualTo("RUNNING");
			assertThat(reported.path("lastError").asString()).contains("amount");
			assertThat(reported.path("consumerLag").asLong()).isEqualTo(42);
			assertThat(status.at("/totals/deadLetters").asLong()).isGreaterThanOrEqualTo(2);
		});
		api.delete("/api/v1/pipelines/" + name);
	}

	@Test
	void shouldRequireTheAdminTokenForMutationsOnly() {
		String name = unique("guarded");
		ApiClient anonymous = api.withoutToken();

		Response missing = anonymous.post("/api/v1/pipelines", "application/json", jsonSpec(name));
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.json().path("detail").asString()).contains("Authorization: Bearer");

		Response wrong = api.withToken("not-the-admin-token").post("/api/v1/pipelines", "application/json",
				jsonSpec(name));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body()).doesNotContain(ADMIN_TOKEN);

		Response basic = api.withAuthorization("Basic YWRtaW46YWRtaW4=").post("/api/v1/pipelines/" + name + "/pause");
		assertThat(basic.status()).isEqualTo(401);
		assertThat(basic.json().path("detail").asString()).contains("'Bearer <token>'");

		assertThat(anonymous.get("/api/v1/pipelines").status()).isEqualTo(200);
		assertThat(anonymous.post("/api/v1/pipelines/validate", "application/json", jsonSpec(name)).status())
			.isEqualTo(200);
		assertThat(api.get("/api/v1/pipelines/" + name).status()).as("nothing was created").isEqualTo(404);
	}

	@Test
	void shouldServeOpenApiSwaggerUiAndOperationsEndpoints() {
		ApiClient anonymous = api.withoutToken();
		JsonNode openApi = anonymous.get("/v3/api-docs").json();
		List<String> paths = new ArrayList<>();
		openApi.path("paths").propertyNames().forEach(paths::add);
		assertThat(paths).contains("/api/v1/pipelines", "/api/v1/pipelines/{name}", "/api/v1/pipelines/validate",
				"/api/v1/pipelines/{name}/pause", "/api/v1/pipelines/{name}/resume",
				"/api/v1/pipelines/{name}/versions", "/api/v1/pipelines/{name}/status");
		assertThat(openApi.at("/paths/~1api~1v1~1pipelines/post/requestBody/content/application~1yaml/examples"))
			.isNotEmpty();

		Response swagger = anonymous.get("/swagger-ui/index.html");
		assertThat(swagger.status()).isEqualTo(200);
		assertThat(swagger.body()).contains("swagger-ui");

		assertThat(anonymous.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");
		assertThat(anonymous.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");
		assertThat(anonymous.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
		JsonNode info = anonymous.get("/actuator/info").json();
		assertThat(info.toString()).contains(TestInfrastructure.bootstrapServers()).doesNotContain("password");
	}

	/** Issue 12: Swagger UI showed the admin lock on every operation and no body for POST /features. */
	@Test
	void shouldDocumentEveryOperationWithItsRealSecurityAndHumanTags() {
		JsonNode openApi = api.withoutToken().get("/v3/api-docs").json();

		assertThat(openApi.has("security")).as("no document-wide security").isFalse();
		assertThat(openApi.at("/paths/~1api~1v1~1pipelines/get/security")).as("open read").isEmpty();
		assertThat(openApi.at("/paths/~1api~1v1~1preview/post/security")).as("open preview").isEmpty();
		assertThat(openApi.at("/paths/~1api~1v1~1pipelines~1validate/post/security")).as("open validate").isEmpty();
		assertThat(openApi.at("/paths/~1api~1v1~1pipelines/post/security/0").has("adminToken")).isTrue();
		assertThat(openApi.at("/paths/~1api~1v1~1pipelines~1{name}/delete/security/0").has("adminToken")).isTrue();
		assertThat(openApi.at("/paths/~1features~1{view}~1{entity}/get/security")).as("open feature read").isEmpty();
		assertThat(openApi.at("/paths/~1features/post/tags/0").asString()).isEqualTo("Online features");
		assertThat(openApi.at("/paths/~1features/post/requestBody/content/application~1json/schema/properties/entities")
			.isMissingNode()).isFalse();
		assertThat(openApi.at("/paths/~1features/post/requestBody/content/application~1json/example/features"))
			.isNotEmpty();
		List<String> tags = new ArrayList<>();
		openApi.path("paths").forEach(item -> item.forEach(operation -> operation.path("tags")
			.forEach(tag -> tags.add(tag.asString()))));
		assertThat(tags).isNotEmpty().noneMatch(tag -> tag.endsWith("-controller"));
	}

	@Test
	void shouldAcceptTheSwaggerUiExampleAsItIs() {
		JsonNode example = api.withoutToken()
			.get("/v3/api-docs")
			.json()
			.at("/paths/~1api~1v1~1pipelines~1validate/post/requestBody/content/application~1json/examples/enrichment/value");
		Response validated = api.post("/api/v1/pipelines/validate", "application/json", example.toString());
		assertThat(validated.status()).as(validated.toString()).isEqualTo(200);
		assertThat(validated.json().path("valid").asBoolean()).isTrue();
	}

	@Test
	void shouldPublishThePipelineJsonSchema() {
		Response schema = api.withoutToken().get("/api/v1/schemas/pipeline");

		assertThat(schema.status()).isEqualTo(200);
		assertThat(schema.contentType()).startsWith("application/schema+json");
		assertThat(schema.json().path("$schema").asString()).contains("2020-12");
		assertThat(schema.json().at("/properties/sources")).isNotEmpty();
	}

	private List<JsonNode> desiredStates(String pipeline) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			TopicPartition partition = new TopicPartition(Topics.PIPELINES, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			List<JsonNode> states = new ArrayList<>();
			while (consumer.position(partition) < end) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (pipeline.equals(record.key())) {
						states.add(JSON.readTree(record.value()));
					}
				}
			}
			return states;
		}
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String jsonSpec(String name) {
		return """
				{"name": "%s",
				 "sources": {"clicks": {"kafka": {"topic": "%s-in"}}},
				 "transforms": {"valid": {"from": "clicks", "steps": [{"filter": "user_id != ''"}]}},
				 "outputs": [{"from": "valid", "kafka": {"topic": "%s-out"}}]}
				""".formatted(name, name, name);
	}

}
