package io.streamplane.app.features;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.AcknowledgedSends;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.StreamplaneIntegrationTest;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.protocol.tiles.TileCodec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.streamplane.features.serving.ServingServer;
import io.streamplane.protocol.WritableTopics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tiles written to {@code sp.features.handmade.test_clicks} are served by {@code GET /features}; the view
 * {@code test_clicks} is defined in {@link StreamplaneIntegrationTest#FEATURE_SERVER_TEST_PROPERTIES}.
 * The tiles lie on 1 February 2026, a month after the c7 clicks that {@code FeatureViewEndToEndIT} writes
 * to the same view in the same broker, so neither test sees the other's tiles in its windows.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class FeatureServingIT extends StreamplaneIntegrationTest {

	private static final String TOPIC = "sp.features.handmade.test_clicks";

	private static final String AS_OF = "2026-02-01T12:06:30Z";

	@LocalServerPort
	int port;

	@Value("${" + ServingServer.LOCAL_PORT + "}")
	int servingPort;

	private ApiClient anonymous;

	@BeforeAll
	static void produceTiles() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(2), Optional.empty()))).all().get();
			WritableTopics.await(admin, List.of(TOPIC), TestInfrastructure.WRITABLE);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("cannot create " + TOPIC, ex);
		}
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			AcknowledgedSends.sendAll(producer, List.of(tile(clicks("u1", "2026-02-01T12:01:10Z", 3)),
					tile(clicks("u1", "2026-02-01T12:05:20Z", 1)),
					new ProducerRecord<>(TOPIC, "u1", "{not a tile".getBytes(StandardCharsets.UTF_8)),
					tile(clicks("u1", "2026-02-01T12:05:40Z", 2)), tile(clicks("u1", "2026-02-01T12:06:05Z", 1)),
					tile(clicks("u2", "2026-02-01T10:00:00Z", 7))));
		}
	}

	@BeforeEach
	void client() {
		anonymous = ApiClient.admin(port, ADMIN_TOKEN).withoutToken();
	}

	@Test
	void shouldServeCountsOverEachWindowAsOfTheRequestedInstant() {
		JsonNode features = await().atMost(Duration.ofSeconds(30))
			.until(() -> anonymous.get("/features/test_clicks/u1?as_of=" + AS_OF),
					response -> response.status() == 200
							&& response.json().at("/features/clicks_1h/value").asLong() == 6)
			.json()
			.path("features");

		assertThat(features.path("clicks_5m").path("value").asLong()).isEqualTo(3);
		assertThat(features.path("clicks_5m").path("status").asString()).isEqualTo("PRESENT");
		assertThat(features.path("clicks_5m").path("event_timestamp").asString()).isEqualTo("2026-02-01T12:06:05Z");
		assertThat(features.path("clicks_1h").path("status").asString()).isEqualTo("PRESENT");
	}

	@Test
	void shouldServeOutsideMaxAgeWhenTheNewestEventIsOlderThanTheTtl() {
		JsonNode features = await().atMost(Duration.ofSeconds(30))
			.until(() -> anonymous.get("/features/test_clicks/u2?as_of=" + AS_OF),
					response -> response.status() == 200
							&& !"NOT_FOUND".equals(response.json().at("/features/clicks_5m/status").asString()))
			.json()
			.path("features");

		assertThat(features.path("clicks_5m").path("status").asString()).isEqualTo("OUTSIDE_MAX_AGE");
		assertThat(features.path("clicks_5m").path("value").isNull()).isTrue();
		assertThat(features.path("clicks_5m").path("event_timestamp").asString()).isEqualTo("2026-02-01T10:00:00Z");
	}

	@Test
	void shouldServeNotFoundForAnEntityNeverSeen() {
		Response response = anonymous.get("/features/test_clicks/never-seen?as_of=" + AS_OF);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("view").asString()).isEqualTo("test_clicks");
		assertThat(response.json().path("entity").asString()).isEqualTo("never-seen");
		JsonNode feature = response.json().at("/features/clicks_5m");
		assertThat(feature.path("status").asString()).isEqualTo("NOT_FOUND");
		assertThat(feature.path("value").isNull()).isTrue();
		assertThat(feature.path("event_timestamp").isNull()).isTrue();
	}

	@Test
	void shouldAnswerAnUnknownViewWithNotFoundProblemNamingTheServedViews() {
		Response response = anonymous.get("/features/no_such_view/u1");

		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).isEqualTo("urn:streamplane:problem:not-found");
		assertThat(response.json().path("detail").asString()).contains("no_such_view", "test_clicks");
	}

	@Test
	void shouldAnswerABadAsOfWithBadRequestProblemNamingTheParameter() {
		Response response = anonymous.get("/features/test_clicks/u1?as_of=yesterday");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).isEqualTo("urn:streamplane:problem:invalid-request");
		assertThat(response.json().path("detail").asString()).contains("as_of", "yesterday", "2026-01-01T12:00:00Z");
	}

	@Test
	void shouldAnswerPostFeaturesInFeastsShapeWithValuesStatusesAndTimestampsPerEntityRow() {
		String body = """
				{"features": ["test_clicks:clicks_5m", "test_clicks:clicks_1h"],
				 "entities": {"user_id": ["u1", "u2", "never-seen"]}, "as_of": "%s"}""".formatted(AS_OF);
		JsonNode answer = await().atMost(Duration.ofSeconds(30))
			.until(() -> anonymous.post("/features", "application/json", body),
					response -> response.status() == 200 && response.json().at("/results/2/values/0").asLong() == 6)
			.json();

		assertThat(answer.at("/metadata/feature_names").valueStream().map(JsonNode::asString))
			.containsExactly("user_id", "clicks_5m", "clicks_1h");
		assertThat(answer.at("/results/0/values").valueStream().map(JsonNode::asString))
			.containsExactly("u1", "u2", "never-seen");
		assertThat(answer.at("/results/1/values/0").asLong()).isEqualTo(3);
		assertThat(answer.at("/results/1/values/1").isNull()).isTrue();
		assertThat(answer.at("/results/1/statuses").valueStream().map(JsonNode::asString))
			.containsExactly("PRESENT", "OUTSIDE_MAX_AGE", "NOT_FOUND");
		assertThat(answer.at("/results/1/event_timestamps").valueStream().map(JsonNode::asString))
			.containsExactly("2026-02-01T12:06:05Z", "2026-02-01T10:00:00Z", "1970-01-01T00:00:00Z");
	}

	@Test
	void shouldAnswerPostWithAnUnknownFeatureWithNotFoundNamingTheViewsFeatures() {
		Response response = anonymous.post("/features", "application/json",
				"{\"features\": [\"test_clicks:clicks_9m\"], \"entities\": {\"user_id\": [\"u1\"]}}");

		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("detail").asString()).contains("clicks_9m", "clicks_5m", "clicks_1h");
	}

	@Test
	void shouldAnswerPostWithAnUnknownViewWithNotFoundNamingTheServedViews() {
		Response response = anonymous.post("/features", "application/json",
				"{\"view\": \"page_views\", \"entities\": {\"user_id\": [\"u1\"]}}");

		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.json().path("detail").asString()).contains("page_views", "test_clicks");
	}

	@Test
	void shouldAnswerAMalformedPostWithBadRequestNamingTheField() {
		Response response = anonymous.post("/features", "application/json",
				"{\"view\": \"test_clicks\", \"entities\": {\"user_id\": \"u1\"}}");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("detail").asString()).startsWith("entities.user_id: must be a non-empty list");
	}

	@Test
	void shouldRefuseAPostWithMoreEntitiesThanTheConfiguredLimit() {
		String entities = String.join("\", \"", Collections.nCopies(1001, "u1"));
		Response response = anonymous.post("/features", "application/json",
				"{\"view\": \"test_clicks\", \"entities\": {\"user_id\": [\"" + entities + "\"]}}");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().path("detail").asString())
			.contains("1001 entities is more than the 1000", "streamplane.feature-server.max-entities-per-request");
	}

	@Test
	void shouldTimeFeatureRequestsOnThePrometheusEndpoint() {
		anonymous.get("/features/test_clicks/u1");

		Response metrics = await().atMost(Duration.ofSeconds(30))
			.until(() -> anonymous.get("/actuator/prometheus"),
					response -> response.status() == 200 && response.body().contains("view=\"test_clicks\""));

		assertThat(metrics.body()).contains("streamplane_features_request_seconds_bucket{endpoint=\"get\"",
				"streamplane_features_ingest_lag_records", "streamplane_features_ingest_tiles_total",
				"streamplane_features_freshness_seconds{view=\"test_clicks\"}");
	}

	@Test
	void shouldAnswerOnTheServingPortWhatTheWebServerAnswers() {
		ApiClient serving = ApiClient.admin(servingPort, ADMIN_TOKEN).withoutToken();
		String get = "/features/test_clicks/u1?as_of=" + AS_OF;
		String post = """
				{"features": ["test_clicks:clicks_5m"], "entities": {"user_id": ["u1", "u2"]}, "as_of": "%s"}"""
			.formatted(AS_OF);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> serving.get(get), response -> response.json().at("/features/clicks_1h/value").asLong() == 6);

		assertThat(serving.get(get).body()).isEqualTo(anonymous.get(get).body());
		assertThat(serving.post("/features", "application/json", post).body())
			.isEqualTo(anonymous.post("/features", "application/json", post).body());
		Response unknown = serving.get("/features/no_such_view/u1");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("detail").asString())
			.isEqualTo(anonymous.get("/features/no_such_view/u1").json().path("detail").asString());
		assertThat(serving.get("/api/v1/pipelines").status()).as("the serving port serves features only")
			.isEqualTo(404);
		assertThat(anonymous.get("/actuator/prometheus").body())
			.contains("streamplane_features_request_seconds_count{endpoint=\"get\",listener=\"serving\",outcome=\"success\"}");
	}

	private static Tile clicks(String entity, String newestEventTime, long count) {
		long newest = Instant.parse(newestEventTime).toEpochMilli();
		long minute = Duration.ofMinutes(1).toMillis();
		return new Tile("test_clicks", entity, newest - newest % minute, minute, newest,
				Map.of("count()", new PartialAggregate.Count(count)));
	}

	private static ProducerRecord<String, byte[]> tile(Tile tile) {
		return new ProducerRecord<>(TOPIC, tile.entity(), TileCodec.toJson(tile));
	}

}
