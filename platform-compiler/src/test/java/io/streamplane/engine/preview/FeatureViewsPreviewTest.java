package io.streamplane.engine.preview;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.protocol.tiles.TileCodec;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Feature views through preview: the tile records a pipeline writes, late records, bad entities. */
class FeatureViewsPreviewTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TOPIC = "sp.features.shop.order_stats";

	private static final String SPEC = """
			name: shop
			sources:
			  orders:
			    kafka: { topic: orders }
			    eventTime: { field: ts, unit: iso8601 }
			features:
			  - name: order_stats
			    from: orders
			    entity: user
			    features:
			      orders_5m: { aggregate: "count()", window: 5m }
			      spent_5m: { aggregate: "sum(amount)", window: 5m }
			      smallest_5m: { aggregate: "min(amount)", window: 5m }
			      largest_5m: { aggregate: "max(amount)", window: 5m }
			      mean_5m: { aggregate: "avg(amount)", window: 5m }
			      first_item_5m: { aggregate: "first(item)", window: 5m }
			      last_item_5m: { aggregate: "last(item)", window: 5m }
			      items_5m: { aggregate: "count_distinct(item)", window: 5m }
			""";

	private final PipelinePreview preview = new PipelinePreview();

	@Test
	void shouldWriteTheWholeTileOnEveryEventOfC7() throws IOException {
		JsonNode c7 = JSON.readTree(Files.readString(TestFiles.conformance().resolve("c7-online-features.json")));
		PipelineSpec spec = new SpecReader().read(Files.readString(TestFiles.examples()
			.resolve("online-click-features.yaml")), SpecFormat.YAML).spec();
		List<PreviewInput> inputs = c7.get("inputs").valueStream().map(click -> PreviewInput.of("clicks",
				click.get("key").asString(), click.get("value"))).toList();

		PreviewResult result = preview.run(spec, inputs);

		List<Tile> tiles = tiles(result, "sp.features.online-click-features.user_clicks");
		assertThat(tiles).extracting(Tile::entity, tile -> tile.tileStartMs() / 60_000 % 60, FeatureViewsPreviewTest::count)
			.containsExactly(tuple("u1", 0L, 1L), tuple("u1", 0L, 2L),
					tuple("u2", 0L, 1L), tuple("u1", 2L, 1L),
					tuple("u1", 4L, 1L));
		assertThat(tiles).allSatisfy(tile -> assertThat(tile.view()).isEqualTo("user_clicks"));
		assertThat(tiles.get(1).newestEventTimeMs()).isEqualTo(Instant.parse("2026-01-01T12:00:05Z").toEpochMilli());
		assertThat(result.outputs().get("sp.features.online-click-features.user_clicks"))
			.extracting(PreviewOutput::key).containsExactly("u1", "u1", "u2", "u1", "u1");
		assertThat(result.deadLetters()).isEmpty();
	}

	@Test
	void shouldKeepOnePartialPerAggregate() {
		PreviewResult result = preview.run(spec(SPEC), List.of(
				input("orders", null, "{\"user\":\"u1\",\"ts\":\"2026-01-01T12:00:01Z\",\"amount\":4,\"item\":\"pen\"}"),
				input("orders", null, "{\"user\":\"u1\",\"ts\":\"2026-01-01T12:00:09Z\",\"amount\":2.5,\"item\":\"ink\"}"),
				input("orders", null, "{\"user\":\"u1\",\"ts\":\"2026-01-01T12:00:05Z\",\"amount\":10,\"item\":\"pen\"}")));

		Tile tile = tiles(result, TOPIC).getLast();
		assertThat(tile.newestEventTimeMs() % 60_000).isEqualTo(9_000);
		assertThat(tile.partials()).containsOnlyKeys("count()", "sum(amount)", "min(amount)", "max(amount)",
				"avg(amount)", "first(item)", "last(item)", "count_distinct(item)");
		assertThat(tile.partials().get("count()").result()).isEqualTo(3L);
		assertThat(tile.partials().get("sum(amount)").result()).isEqualTo(16.5);
		assertThat(tile.partials().get("min(amount)").result()).isEqualTo(2.5);
		assertThat(tile.partials().get("max(amount)").result()).isEqualTo(10.0);
		assertThat(tile.partials().get("avg(amount)").result()).isEqualTo(5.5);
		assertThat(tile.partials().get("first(item)").result()).isEqualTo("pen");
		assertThat(tile.partials().get("last(item)").result()).isEqualTo("ink");
		assertThat(tile.partials().get("count_distinct(item)").result()).isEqualTo(2L);
	}

	@Test
	void shouldDeadLetterRecordsOlderThanTheViewsRetentionAndRecordsWithoutEntity() {
		PreviewResult result = preview.run(spec(SPEC), List.of(
				input("orders", null, "{\"user\":\"u1\",\"ts\":\"2026-01-01T12:00:00Z\",\"amount\":1,\"item\":\"a\"}"),
				input("orders", null, "{\"user\":\"u1\",\"ts\":\"2026-01-01T12:10:00Z\",\"amount\":1,\"item\":\"a\"}"),
				input("orders", null, "{\"user\":\"u2\",\"ts\":\"2026-01-01T12:03:59Z\",\"amount\":1,\"item\":\"a\"}"),
				input("orders", null, "{\"user\":\"u2\",\"ts\":\"2026-01-01T12:04:00Z\",\"amount\":1,\"item\":\"a\"}"),
				input("orders", null, "{\"ts\":\"2026-01-01T12:10:00Z\",\"amount\":1}"),
				input("orders", null, "{\"user\":\"u3\",\"ts\":\"2026-01-01T12:10:00Z\",\"amount\":\"x\",\"item\":\"a\"}")));

		assertThat(tiles(result, TOPIC)).extracting(Tile::entity).containsExactly("u1", "u1", "u2");
		assertThat(result.deadLetters()).extracting(DeadLetter::step, DeadLetter::late).containsExactly(
				tuple("features[0]", true),
				tuple("features[0].entity", false),
				tuple("features[0]", false));
		assertThat(result.deadLetters().getFirst().reason()).contains("late record", "the retention",
				"of feature view", "the tiles it would update have expired");
	}

	@Test
	void shouldKeepDecimalFeaturesExactInTheirTilesAndDeadLetterAValueThatOverflows() {
		PreviewResult result = preview.run(spec("""
				name: shop
				sources:
				  orders:
				    kafka: { topic: orders }
				    eventTime: { field: ts, unit: iso8601 }
				features:
				  - name: order_stats
				    from: orders
				    entity: user
				    features:
				      spent_5m: { aggregate: "sum(amount) as decimal(6, 2)", window: 5m }
				      mean_5m: { aggregate: "avg(amount) as decimal(6, 2)", window: 5m }
				      spent_double_5m: { aggregate: "sum(amount)", window: 5m }
				"""), List.of(
				input("orders", null, "{\"user\":\"u1\",\"ts\":\"2026-01-01T12:00:01Z\",\"amount\":0.1}"),
				input("orders", null, "{\"user\":\"u1\",\"ts\":\"2026-01-01T12:00:02Z\",\"amount\":0.2}"),
				input("orders", null, "{\"user\":\"u1\",\"ts\":\"2026-01-01T12:00:03Z\",\"amount\":0.125}"),
				input("orders", null, "{\"user\":\"u1\",\"ts\":\"2026-01-01T12:00:04Z\",\"amount\":\"10000\"}")));

		Tile tile = tiles(result, TOPIC).getLast();
		assertThat(tile.partials()).containsOnlyKeys("sum(amount) as decimal(6, 2)", "avg(amount) as decimal(6, 2)",
				"sum(amount)");
		assertThat(tile.partials().get("sum(amount) as decimal(6, 2)"))
			.isEqualTo(new PartialAggregate.DecimalSum("0.42"));
		assertThat(tile.partials().get("avg(amount) as decimal(6, 2)").result()).isEqualTo("0.14");
		assertThat(tile.partials().get("sum(amount)").result()).isEqualTo(0.1 + 0.2 + 0.125);
		assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
			assertThat(dead.step()).isEqualTo("features[0]");
			assertThat(dead.reason()).isEqualTo("sum(amount) as decimal(6, 2) the value 10000 overflows decimal(6, 2), "
					+ "which holds at most 4 digits before the point");
		});
	}

	private static long count(Tile tile) {
		return ((PartialAggregate.Count) tile.partials().get("count()")).n();
	}

	private static List<Tile> tiles(PreviewResult result, String topic) {
		return result.outputs().get(topic).stream().map(output -> TileCodec.fromJson(JSON.writeValueAsBytes(output.value())))
			.toList();
	}

}
