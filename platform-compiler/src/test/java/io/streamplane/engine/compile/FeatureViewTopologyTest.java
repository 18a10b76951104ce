package io.streamplane.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.protocol.tiles.TileBinary;
import io.streamplane.protocol.tiles.TileCodec;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled feature view on its own: tile topics and their form, freshness in the counters, expiry of old tiles. */
class FeatureViewTopologyTest {

	private static final PipelineSpec SPEC = new SpecReader().read("""
			name: shop
			sources:
			  clicks:
			    kafka: { topic: clicks }
			    eventTime: { field: ts, unit: iso8601 }
			    lateness: 10s
			features:
			  - name: user_clicks
			    from: clicks
			    entity: user_id
			    features:
			      clicks_5m: { aggregate: "count()", window: 5m }
			""", SpecFormat.YAML).spec();

	@TempDir
	Path stateDir;

	private final PipelineCounters counters = new PipelineCounters();

	@Test
	void shouldNameTheTileTopicWithARetentionAboveTheViews() {
		CompiledPipeline compiled = new PipelineCompiler().compile(SPEC, counters);

		assertThat(compiled.outputTopics()).isEmpty();
		assertThat(compiled.tileTopics()).containsExactly(
				Map.entry("sp.features.shop.user_clicks", Duration.ofDays(1)));
		assertThat(counters.featureViews()).containsOnlyKeys("user_clicks").containsEntry("user_clicks", null);
	}

	@Test
	void shouldExpireATileOnceEveryEventInItWouldBeLateAndReportTheNewestEventWritten() throws Exception {
		CompiledPipeline compiled = new PipelineCompiler().compile(SPEC, counters);
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties())) {
			TestInputTopic<byte[], byte[]> clicks = driver.createInputTopic("clicks", new ByteArraySerializer(),
					new ByteArraySerializer());
			clicks.pipeInput(click("u1", "2026-01-01T12:00:30Z"));
			clicks.pipeInput(click("u2", "2026-01-01T12:03:00Z"));
			KeyValueStore<String, byte[]> tiles = driver.getKeyValueStore("features.0.tiles");
			assertThat(keys(tiles)).hasSize(2);

			clicks.pipeInput(click("u2", "2026-01-01T12:07:09Z"));

			assertThat(keys(tiles)).hasSize(3);

			clicks.pipeInput(click("u2", "2026-01-01T12:07:10Z"));

			assertThat(keys(tiles)).hasSize(2).noneMatch(key -> key.endsWith("/u1"));
			assertThat(counters.featureViews()).containsEntry("user_clicks", Instant.parse("2026-01-01T12:07:10Z"));
			assertThat(counters.recordsOut()).isEqualTo(4);
		}
	}

	@Test
	void shouldWriteEachTileInItsBinaryFormAndKeepUpdatingATileStoredAsJsonBefore() throws Exception {
		CompiledPipeline compiled = new PipelineCompiler().compile(SPEC, counters);
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties())) {
			TestInputTopic<byte[], byte[]> clicks = driver.createInputTopic("clicks", new ByteArraySerializer(),
					new ByteArraySerializer());
			TestOutputTopic<String, byte[]> topic = driver.createOutputTopic("sp.features.shop.user_clicks",
					new StringDeserializer(), new ByteArrayDeserializer());
			long start = Instant.parse("2026-01-01T12:00:00Z").toEpochMilli();
			driver.<String, byte[]>getKeyValueStore("features.0.tiles").put(String.format("%019d/u1", start),
					TileCodec.toJson(new Tile("user_clicks", "u1", start, 60_000, start + 1_000,
							Map.of("count()", new PartialAggregate.Count(5)))));

			clicks.pipeInput(click("u1", "2026-01-01T12:00:30Z"));

			TestRecord<String, byte[]> written = topic.readRecord();
			assertThat(written.value()[0]).isEqualTo(TileBinary.NAMED);
			assertThat(TileCodec.fromBytes(written.value())).isEqualTo(new Tile("user_clicks", "u1", start, 60_000,
					start + 30_000, Map.of("count()", new PartialAggregate.Count(6))));
		}
	}

	@Test
	void shouldTakeRecordsKeyedByTheirEntityWhereTheyAreAndDeadLetterOneKeyedOtherwise() throws Exception {
		PipelineSpec keyed = new SpecReader().read("""
				name: shop
				sources:
				  clicks:
				    kafka: { topic: clicks }
				    eventTime: { field: ts, unit: iso8601 }
				features:
				  - name: user_clicks
				    from: clicks
				    entity: user_id
				    keyedByEntity: true
				    features:
				      clicks_5m: { aggregate: "count()", window: 5m }
				""", SpecFormat.YAML).spec();
		CompiledPipeline compiled = new PipelineCompiler().compile(keyed, counters);
		String topology = compiled.topology().describe().toString();
		assertThat(topology).as(topology).doesNotContain("repartition");
		assertThat(new PipelineCompiler().compile(SPEC, new PipelineCounters()).topology().describe().toString())
			.contains("features.0.repartition");
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties())) {
			TestInputTopic<byte[], byte[]> clicks = driver.createInputTopic("clicks", new ByteArraySerializer(),
					new ByteArraySerializer());
			clicks.pipeInput(utf8("u1"), click("u1", "2026-01-01T12:00:30Z"));
			clicks.pipeInput(utf8("u2"), click("u1", "2026-01-01T12:00:40Z"));
			clicks.pipeInput(null, click("u1", "2026-01-01T12:00:50Z"));

			TestOutputTopic<String, byte[]> tiles = driver.createOutputTopic("sp.features.shop.user_clicks",
					new StringDeserializer(), new ByteArrayDeserializer());
			assertThat(tiles.readRecordsToList()).singleElement().satisfies(tile -> {
				assertThat(tile.key()).isEqualTo("u1");
				assertThat(TileCodec.fromBytes(tile.value()).partials()).containsEntry("count()",
						new PartialAggregate.Count(1));
			});
			List<TestRecord<byte[], byte[]>> dead = driver.createOutputTopic("sp.dlq.shop", new ByteArrayDeserializer(),
					new ByteArrayDeserializer()).readRecordsToList();
			assertThat(dead).hasSize(2).allSatisfy(record -> assertThat(new String(
					record.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
				.contains("its user_id is 'u1'", "keyedByEntity"));
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private Properties properties() throws Exception {
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir).toString());
		return properties;
	}

	private static byte[] click(String user, String ts) {
		return ("{\"user_id\":\"" + user + "\",\"ts\":\"" + ts + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> keys(KeyValueStore<String, byte[]> store) {
		List<String> keys = new ArrayList<>();
		try (KeyValueIterator<String, byte[]> all = store.all()) {
			all.forEachRemaining((KeyValue<String, byte[]> entry) -> keys.add(entry.key));
		}
		return keys;
	}

}
