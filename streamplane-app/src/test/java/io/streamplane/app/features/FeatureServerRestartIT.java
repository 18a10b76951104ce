package io.streamplane.app.features;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.AcknowledgedSends;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.SharedInfrastructureCondition;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.protocol.tiles.TileCodec;
import io.streamplane.features.TileStore;
import io.streamplane.features.TileStoreConfig;
import io.streamplane.features.metrics.FeatureMetrics;
import io.streamplane.protocol.WritableTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.streamplane.app.testing.StreamplaneIntegrationTest.FEATURE_SERVER_TEST_PROPERTIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5: a feature server stopped in the middle of ingest and started again on the same data directory
 * loses and double-counts nothing, and resumes from the offsets it stored with the tiles rather than from
 * the beginning. Runs feature-server-only processes with a read token, so it also covers the read token
 * on a process without the control plane.
 */
@ExtendWith(SharedInfrastructureCondition.class)
class FeatureServerRestartIT {

	private static final String TOPIC = "sp.features.restart.test_clicks";

	private static final int PARTITIONS = 3;

	private static final int ENTITIES = 500;

	private static final int TILES_PER_ENTITY = 60;

	private static final long MINUTE_MS = 60_000;

	private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

	private static final String AS_OF = "2026-02-01T10:59:30Z";

	private static final String READ_TOKEN = "restart-it-read-token";

	private static final Duration WAIT = Duration.ofSeconds(120);

	@Test
	void shouldResumeFromStoredOffsetsAndServeExactValuesAfterAStopMidIngest() throws Exception {
		createTopic();
		long produced = produceTiles();
		Path dataDir = TestInfrastructure.newDataDir();

		try (ConfigurableApplicationContext first = startFeatureServerOnly(dataDir)) {
			MeterRegistry meters = first.getBean(MeterRegistry.class);
			await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
				.until(() -> meters.get(FeatureMetrics.TILES).counter().count() > 0);
		}
		Map<String, Long> stopped = storedOffsets(dataDir);
		long storedOfMine = ofTopic(stopped);
		assertThat(storedOfMine).as("offsets stored when stopped mid-ingest").isPositive().isLessThan(produced);

		MeterRegistry secondMeters;
		try (ConfigurableApplicationContext second = startFeatureServerOnly(dataDir)) {
			secondMeters = second.getBean(MeterRegistry.class);
			ApiClient reader = ApiClient.admin(port(second), READ_TOKEN);
			assertThat(reader.withoutToken().get("/features/test_clicks/e0").status()).isEqualTo(401);
			assertThat(reader.withToken("wrong").post("/features", "application/json", request(List.of("e0"))).status())
				.isEqualTo(401);
			JsonNode answer = await().atMost(WAIT).until(() -> readAll(reader), this::allComplete).json();
			for (int entity = 0; entity < ENTITIES; entity++) {
				assertThat(answer.at("/results/1/values/" + entity).asLong()).as("clicks_1h of e" + entity)
					.isEqualTo(expectedClicks(entity));
				assertThat(answer.at("/results/1/statuses/" + entity).asString()).isEqualTo("PRESENT");
			}
		}
		Map<String, Long> finished = storedOffsets(dataDir);
		assertThat(ofTopic(finished)).isEqualTo(produced);
		double ingestedAfterRestart = secondMeters.get(FeatureMetrics.TILES).counter().count()
				+ secondMeters.get(FeatureMetrics.MALFORMED).counter().count();
		assertThat(ingestedAfterRestart).as("records of this topic left when stopped")
			.isGreaterThanOrEqualTo(produced - storedOfMine);
		assertThat(ingestedAfterRestart).as("records consumed after the restart, at most the offsets advanced")
			.isLessThanOrEqualTo(advance(stopped, finished));
	}

	private Response readAll(ApiClient reader) {
		return reader.post("/features", "application/json",
				request(IntStream.range(0, ENTITIES).mapToObj(entity -> "e" + entity).toList()));
	}

	private boolean allComplete(Response response) {
		if (response.status() != 200) {
			return false;
		}
		JsonNode clicks = response.json().at("/results/1/values");
		return IntStream.range(0, ENTITIES).allMatch(entity -> clicks.get(entity).asLong() == expectedClicks(entity));
	}

	private static String request(List<String> entities) {
		return "{\"features\": [\"test_clicks:clicks_1h\"], \"entities\": {\"user_id\": [\""
				+ String.join("\", \"", entities) + "\"]}, \"as_of\": \"" + AS_OF + "\"}";
	}

	/** Every tile of the hour: the second record of each tile, which replaces the first, holds minute % 3 + 1. */
	private static long expectedClicks(int entity) {
		return IntStream.range(0, TILES_PER_ENTITY).map(minute -> minute % 3 + 1 + entity % 2).sum();
	}

	private static long produceTiles() {
		List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
		for (int minute = 0; minute < TILES_PER_ENTITY; minute++) {
			for (int entity = 0; entity < ENTITIES; entity++) {
				long finalCount = minute % 3 + 1 + entity % 2;
				records.add(record(entity, minute, finalCount - 1, 10_000));
				records.add(record(entity, minute, finalCount, 20_000));
			}
		}
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
						ProducerConfig.LINGER_MS_CONFIG, 20),
				new StringSerializer(), new ByteArraySerializer())) {
			AcknowledgedSends.sendAll(producer, records);
		}
		return records.size();
	}

	private static ProducerRecord<String, byte[]> record(int entity, int minute, long count, long newestOffsetMs) {
		long start = T0.toEpochMilli() + minute * MINUTE_MS;
		Tile tile = new Tile("test_clicks", "e" + entity, start, MINUTE_MS, start + newestOffsetMs,
				Map.of("count()", new PartialAggregate.Count(count)));
		return new ProducerRecord<>(TOPIC, tile.entity(), TileCodec.toJson(tile));
	}

	private static void createTopic() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(PARTITIONS), Optional.empty()))).all().get();
			WritableTopics.await(admin, List.of(TOPIC), TestInfrastructure.WRITABLE);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			IntStream.range(0, PARTITIONS).forEach(p -> latest.put(new TopicPartition(TOPIC, p), OffsetSpec.latest()));
			assertThat(admin.listOffsets(latest).all().get().values()).allMatch(info -> info.offset() == 0);
		}
	}

	private static Map<String, Long> storedOffsets(Path dataDir) {
		try (TileStore store = TileStore.open(TileStoreConfig.of(dataDir))) {
			return store.offsets();
		}
	}

	private static long ofTopic(Map<String, Long> offsets) {
		return offsets.entrySet().stream().filter(entry -> entry.getKey().startsWith(TOPIC + "-"))
			.mapToLong(Map.Entry::getValue).sum();
	}

	private static long advance(Map<String, Long> before, Map<String, Long> after) {
		return after.entrySet().stream().mapToLong(entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0L))
			.sum();
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static ConfigurableApplicationContext startFeatureServerOnly(Path dataDir) {
		Map<String, String> properties = new HashMap<>(FEATURE_SERVER_TEST_PROPERTIES);
		properties.put("streamplane.roles", "feature-server");
		properties.put("streamplane.standalone.enabled", "false");
		properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.bootstrapServers());
		properties.put("spring.kafka.consumer.max-poll-records", "20");
		properties.put("streamplane.feature-server.data-dir", dataDir.toString());
		properties.put("streamplane.feature-server.read-token", READ_TOKEN);
		properties.put("server.port", "0");
		String[] arguments = properties.entrySet()
			.stream()
			.map(property -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(StreamplaneApplication.class).run(arguments);
	}

}
