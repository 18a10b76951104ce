package io.streamplane.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;

/**
 * Conformance case c7 (online click features): replays the clicks as one-minute count tiles, as the
 * engine will write them, and checks every {@code expected_at} row through {@link FeatureReader}.
 */
class C7OnlineFeaturesConformanceTest {

	private static final String CASE = "c7-online-features.json";

	private static final FeatureView CLICKS = FeatureView.of("clicks", "user_id",
			features(Map.entry("clicks_5m", Feature.count(Duration.ofMinutes(5))),
					Map.entry("clicks_1h", Feature.count(Duration.ofHours(1)))),
			Duration.ofMinutes(1), Duration.ofHours(1));

	@TempDir
	Path directory;

	@Test
	void shouldServeEveryExpectedRowOfC7() throws Exception {
		JsonNode conformanceCase = JsonMapper.builder().build().readTree(Files.readAllBytes(caseFile()));
		try (TileStore store = TileStore.open(TileStoreConfig.of(directory))) {
			store.apply(tiles(conformanceCase.get("inputs")), Map.of("clicks-0", 5L));
			FeatureReader reader = new FeatureReader(store, Clock.systemUTC());
			List<JsonNode> rows = new ArrayList<>(conformanceCase.get("expected_at").valueStream().toList());

			assertThat(rows).hasSize(5).allSatisfy(row -> {
				Map<String, FeatureValue> values = reader.read(CLICKS, row.get("user_id").asString(),
						Instant.parse(row.get("as_of").asString()));
				if (row.has("status")) {
					assertThat(values.values()).extracting(FeatureValue::status)
						.containsOnly(FeatureStatus.valueOf(row.get("status").asString()));
				}
				for (String feature : CLICKS.features().keySet()) {
					if (row.has(feature)) {
						assertThat(values.get(feature).status()).as(row + " " + feature).isEqualTo(FeatureStatus.PRESENT);
						assertThat(((Number) values.get(feature).value()).longValue()).as(row + " " + feature)
							.isEqualTo(row.get(feature).asLong());
					}
				}
			});
		}
	}

	private static List<ConsumedTile> tiles(JsonNode inputs) {
		Map<String, Tile> tiles = new LinkedHashMap<>();
		for (JsonNode click : inputs) {
			String user = click.get("value").get("user_id").asString();
			long time = Instant.parse(click.get("value").get("ts").asString()).toEpochMilli();
			long start = Tiles.minuteStart(time);
			Tile previous = tiles.get(user + "@" + start);
			long count = previous == null ? 1 : ((PartialAggregate.Count) previous.partials().get("count()")).n() + 1;
			tiles.put(user + "@" + start, new Tile("clicks", user, start, Tiles.MINUTE_MS,
					previous == null ? time : Math.max(time, previous.newestEventTimeMs()),
					Map.of("count()", new PartialAggregate.Count(count))));
		}
		return tiles.values().stream().map(ConsumedTile::of).toList();
	}

	private static Path caseFile() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path shared = dir.resolve("shared/conformance").resolve(CASE);
			if (Files.exists(shared)) {
				return shared;
			}
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path repo = dir.resolve("conformance").resolve(CASE);
			if (Files.exists(repo)) {
				return repo;
			}
		}
		throw new IllegalStateException("conformance case " + CASE + " not found above " + Path.of("").toAbsolutePath());
	}

	@SafeVarargs
	private static Map<String, Feature> features(Map.Entry<String, Feature>... entries) {
		Map<String, Feature> features = new LinkedHashMap<>();
		for (Map.Entry<String, Feature> entry : entries) {
			features.put(entry.getKey(), entry.getValue());
		}
		return features;
	}
}
