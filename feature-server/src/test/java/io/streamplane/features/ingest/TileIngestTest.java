package io.streamplane.features.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.streamplane.features.Feature;
import io.streamplane.features.ServedView;
import io.streamplane.features.FeatureViews;
import io.streamplane.features.TileStore;
import io.streamplane.features.TileStoreConfig;
import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.protocol.tiles.TileCodec;

class TileIngestTest {

	private static final String TOPIC = "sp.features.demo.clicks";

	private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

	private static final long MINUTE_MS = 60_000;

	private static final long T0 = Instant.parse("2026-01-01T12:00:00Z").toEpochMilli();

	@TempDir
	Path directory;

	private TileStore store;

	private TileIngest ingest;

	@AfterEach
	void close() {
		if (ingest != null) {
			ingest.stop();
		}
		store.close();
	}

	@Test
	void shouldStoreTilesInEitherFormAndOffsetsAndSkipMalformedRecords() {
		store = TileStore.open(TileStoreConfig.of(directory));
		MockConsumer<String, byte[]> consumer = consumer(0L);
		byte[] binary = TileCodec.toBytes(tileOf("u2", 1, 5));
		consumer.schedulePollTask(() -> {
			consumer.addRecord(tile(0, "u1", 0, 3));
			consumer.addRecord(record(1, "u1", "{not a tile".getBytes(StandardCharsets.UTF_8)));
			consumer.addRecord(record(2, "u2", binary));
			consumer.addRecord(record(3, "u2", Arrays.copyOf(binary, binary.length - 1)));
		});

		start(consumer);

		await().atMost(Duration.ofSeconds(10)).until(() -> store.offsets().get(PARTITION.toString()), offset -> offset == 4L);
		assertThat(store.read("clicks", "u1", 0, Long.MAX_VALUE).latest()).contains(tileOf("u1", 0, 3));
		assertThat(store.read("clicks", "u2", 0, Long.MAX_VALUE).latest()).contains(tileOf("u2", 1, 5));
		assertThat(ingest.malformedRecords()).isEqualTo(2);
	}

	@Test
	void shouldDeleteTheTileNamedByATombstone() {
		store = TileStore.open(TileStoreConfig.of(directory));
		MockConsumer<String, byte[]> consumer = consumer(0L);
		RecordHeaders headers = new RecordHeaders();
		headers.add(TileRecords.VIEW_HEADER, "clicks".getBytes(StandardCharsets.UTF_8));
		headers.add(TileRecords.TILE_START_HEADER, Long.toString(T0).getBytes(StandardCharsets.UTF_8));
		consumer.schedulePollTask(() -> {
			consumer.addRecord(tile(0, "u1", 0, 3));
			consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, 0L, TimestampType.CREATE_TIME, 0, 0, "u1", null,
					headers, Optional.empty()));
		});

		start(consumer);

		await().atMost(Duration.ofSeconds(10)).until(() -> store.offsets().get(PARTITION.toString()), offset -> offset == 2L);
		assertThat(store.read("clicks", "u1", 0, Long.MAX_VALUE).latest()).isEmpty();
		assertThat(ingest.malformedRecords()).isZero();
	}

	@Test
	void shouldResumeFromTheStoredOffset() {
		store = TileStore.open(TileStoreConfig.of(directory));
		store.apply(List.of(), Map.of(PARTITION.toString(), 5L));
		MockConsumer<String, byte[]> consumer = consumer(0L);

		start(consumer);

		await().atMost(Duration.ofSeconds(10)).until(() -> !consumer.assignment().isEmpty());
		assertThat(consumer.position(PARTITION)).isEqualTo(5L);
	}

	private static MockConsumer<String, byte[]> consumer(long beginning) {
		MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
		consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0], new Node[0])));
		consumer.updatePartitions("sp.pipelines", List.of(new PartitionInfo("sp.pipelines", 0, Node.noNode(), new Node[0], new Node[0])));
		consumer.updateBeginningOffsets(Map.of(PARTITION, beginning));
		return consumer;
	}

	private void start(MockConsumer<String, byte[]> consumer) {
		FeatureViews views = FeatureViews.of(List.of(ServedView.of("clicks", "user_id",
				Map.of("clicks_5m", Feature.count(Duration.ofMinutes(5))), Duration.ofMinutes(1), Duration.ofHours(1))));
		ingest = new TileIngest(() -> consumer, store, views,
				new TileIngest.Settings(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(50)),
				IngestListener.NONE);
		ingest.start();
	}

	private static ConsumerRecord<String, byte[]> tile(long offset, String entity, int minute, long count) {
		return record(offset, entity, TileCodec.toJson(tileOf(entity, minute, count)));
	}

	private static Tile tileOf(String entity, int minute, long count) {
		long start = T0 + minute * MINUTE_MS;
		return new Tile("clicks", entity, start, MINUTE_MS, start + 1000, Map.of("count()", new PartialAggregate.Count(count)));
	}

	private static ConsumerRecord<String, byte[]> record(long offset, String key, byte[] value) {
		return new ConsumerRecord<>(TOPIC, 0, offset, key, value);
	}

}
