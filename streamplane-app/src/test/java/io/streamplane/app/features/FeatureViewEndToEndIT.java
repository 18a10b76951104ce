package io.streamplane.app.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.engine.KafkaTopics;
import io.streamplane.app.testing.AcknowledgedSends;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.StreamplaneIntegrationTest;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.engine.compile.DeadLetterHeaders;
import io.streamplane.protocol.WritableTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Conformance case c7 end to end on the real broker: {@code examples/online-click-features.yaml} is
 * registered through the REST API, the engine runs it, the c7 clicks are produced to {@code clicks},
 * and every {@code expected_at} row is read over HTTP from {@code GET /features/user_clicks/...}, exactly.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class FeatureViewEndToEndIT extends StreamplaneIntegrationTest {

	private static final String CASE = "c7-online-features.json";

	private static final String YAML = "application/yaml";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void shouldServeEveryExpectedRowOfC7FromTheTilesTheRegisteredPipelineWrites() throws Exception {
		ApiClient api = ApiClient.admin(port, ADMIN_TOKEN);
		JsonNode c7 = JSON.readTree(Files.readString(caseFile()));
		createTopic("clicks");
		Response created = api.post("/api/v1/pipelines", YAML, ApiClient.example("online-click-features.yaml"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		produce(c7.get("inputs"), "clicks");

		List<JsonNode> rows = c7.get("expected_at").valueStream().toList();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			Response last = features(api, "user_clicks", "u1", "2026-01-01T12:05:00Z");
			assertThat(last.json().at("/features/clicks_1h/value").asLong()).as(last.toString()).isEqualTo(4);
		});
		assertThat(rows).hasSize(5).allSatisfy(row -> assertRow(api, "user_clicks", row));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api
			.get("/api/v1/pipelines/online-click-features/status").json().at("/featureViews/user_clicks").asString())
			.isEqualTo("2026-01-01T12:04:55Z"));

		Response clash = api.post("/api/v1/pipelines", YAML, ApiClient.example("online-click-features.yaml")
			.replace("name: online-click-features", "name: other-click-features"));
		assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
		assertThat(clash.contentType()).startsWith("application/problem+json");
		assertThat(clash.json().path("detail").asString()).contains("'user_clicks'", "online-click-features");
	}

	@Test
	void shouldServeC7FromTheKeyedExampleWithoutARepartitionAndDeadLetterARecordKeyedOtherwise()
			throws Exception {
		ApiClient api = ApiClient.admin(port, ADMIN_TOKEN);
		JsonNode c7 = JSON.readTree(Files.readString(caseFile()));
		String pipeline = "keyed-click-features";
		createTopic("keyed-clicks");
		Response created = api.post("/api/v1/pipelines", YAML, ApiClient.example("keyed-click-features.yaml"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		KafkaTopics.produce("keyed-clicks",
				List.of(Map.entry("u9", "{\"user_id\": \"u1\", \"ts\": \"2026-01-01T12:01:00Z\"}")));
		produce(c7.get("inputs"), "keyed-clicks");

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			Response last = features(api, "keyed_user_clicks", "u1", "2026-01-01T12:05:00Z");
			assertThat(last.json().at("/features/clicks_1h/value").asLong()).as(last.toString()).isEqualTo(4);
		});
		assertThat(c7.get("expected_at").valueStream().toList())
			.allSatisfy(row -> assertRow(api, "keyed_user_clicks", row));
		assertThat(KafkaTopics.read("sp.dlq." + pipeline, 1, Duration.ofSeconds(30), Duration.ofSeconds(1)))
			.singleElement()
			.satisfies(dead -> assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(),
					StandardCharsets.UTF_8)).contains("keyed 'u9'", "user_id is 'u1'"));
		List<String> internal = KafkaTopics.names().stream().filter(topic -> topic.contains(pipeline)
				&& topic.contains("features.0.")).toList();
		assertThat(internal).as("the view's internal topics").anyMatch(topic -> topic.endsWith("tiles-changelog"))
			.noneMatch(topic -> topic.contains("repartition"));
	}

	@Test
	void shouldServeDecimalFeaturesExactlyAsStringsWithTheirScale() throws Exception {
		ApiClient api = ApiClient.admin(port, ADMIN_TOKEN);
		String topic = "spend-payments";
		createTopic(topic);
		Response created = api.post("/api/v1/pipelines", YAML, ApiClient.example("user-spend-features.yaml")
			.replace("topic: payments", "topic: " + topic));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		// 0.125 rounds half to even to 0.12; the large amount has more digits than a double holds
		KafkaTopics.produce(topic, List.of(
				Map.entry("u1", "{\"user_id\": \"u1\", \"ts\": \"2026-01-01T12:00:01Z\", \"amount\": 0.1}"),
				Map.entry("u1", "{\"user_id\": \"u1\", \"ts\": \"2026-01-01T12:01:02Z\", \"amount\": \"0.2\"}"),
				Map.entry("u1", "{\"user_id\": \"u1\", \"ts\": \"2026-01-01T12:02:03Z\", \"amount\": 0.125}"),
				Map.entry("u2", "{\"user_id\": \"u2\", \"ts\": \"2026-01-01T12:00:04Z\", "
						+ "\"amount\": \"1234567890123456.78\"}"),
				Map.entry("u2", "{\"user_id\": \"u2\", \"ts\": \"2026-01-01T12:03:05Z\", \"amount\": \"1.00\"}")));

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			Response u2 = features(api, "user_spend", "u2", "2026-01-01T12:04:00Z");
			assertThat(u2.json().at("/features/payments_1h/value").asLong()).as(u2.toString()).isEqualTo(2);
			assertThat(features(api, "user_spend", "u1", "2026-01-01T12:04:00Z").json()
				.at("/features/payments_1h/value").asLong()).isEqualTo(3);
		});
		JsonNode u1 = features(api, "user_spend", "u1", "2026-01-01T12:04:00Z").json().path("features");
		assertThat(u1.path("spent_5m").path("value").isString()).as(u1.toString()).isTrue();
		assertThat(u1.path("spent_5m").path("value").asString()).isEqualTo("0.42");
		assertThat(u1.path("spent_1h").path("value").asString()).isEqualTo("0.42");
		assertThat(u1.path("mean_1h").path("value").asString()).isEqualTo("0.14");
		JsonNode u2 = features(api, "user_spend", "u2", "2026-01-01T12:04:00Z").json().path("features");
		assertThat(u2.path("spent_1h").path("value").asString()).isEqualTo("1234567890123457.78");
		assertThat(u2.path("mean_1h").path("value").asString()).isEqualTo("617283945061728.89");
		JsonNode later = features(api, "user_spend", "u1", "2026-01-01T12:08:00Z").json().path("features");
		assertThat(later.path("spent_5m").path("value").asString()).as("no payment in the window: zero at the scale")
			.isEqualTo("0.00");
		assertThat(later.path("spent_1h").path("value").asString()).isEqualTo("0.42");
	}

	private static void assertRow(ApiClient api, String view, JsonNode row) {
		Response response = features(api, view, row.get("user_id").asString(), row.get("as_of").asString());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode features = response.json().path("features");
		assertThat(features.propertyNames()).containsExactly("clicks_5m", "clicks_1h");
		for (String feature : features.propertyNames()) {
			JsonNode value = features.path(feature);
			if (row.has("status")) {
				assertThat(value.path("status").asString()).as(row + " " + feature).isEqualTo(row.get("status").asString());
			}
			if (row.has(feature)) {
				assertThat(value.path("status").asString()).as(row + " " + feature).isEqualTo("PRESENT");
				assertThat(value.path("value").isIntegralNumber()).as(row + " " + feature).isTrue();
				assertThat(value.path("value").asLong()).as(row + " " + feature).isEqualTo(row.get(feature).asLong());
			}
		}
	}

	private static Response features(ApiClient api, String view, String user, String asOf) {
		return api.withoutToken().get("/features/" + view + "/" + user + "?as_of=" + asOf);
	}

	private static void createTopic(String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, Optional.of(2), Optional.empty()))).all().get();
			WritableTopics.await(admin, List.of(topic), TestInfrastructure.WRITABLE);
		}
	}

	private static void produce(JsonNode inputs, String topic) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
			List<ProducerRecord<String, String>> records = new ArrayList<>();
			for (JsonNode input : inputs) {
				records.add(new ProducerRecord<>(topic, input.get("key").asString(),
						JSON.writeValueAsString(input.get("value"))));
			}
			AcknowledgedSends.sendAll(producer, records);
		}
	}

	/** The shared original of the case when it is beside the clone, else the repository's copy. */
	private static Path caseFile() throws IOException {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path shared = dir.resolve("shared").resolve("conformance").resolve(CASE);
			if (Files.exists(shared)) {
				return shared;
			}
		}
		return Path.of("..", "conformance", CASE);
	}

}
