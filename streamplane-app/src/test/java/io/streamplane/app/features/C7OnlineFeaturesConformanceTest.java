package io.streamplane.app.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.streamplane.engine.preview.PipelinePreview;
import io.streamplane.engine.preview.PreviewInput;
import io.streamplane.engine.preview.PreviewResult;
import io.streamplane.features.ConsumedTile;
import io.streamplane.features.FeatureReader;
import io.streamplane.features.FeatureStatus;
import io.streamplane.features.FeatureValue;
import io.streamplane.features.ServedView;
import io.streamplane.features.SpecViews;
import io.streamplane.features.TileStore;
import io.streamplane.features.TileStoreConfig;
import io.streamplane.protocol.tiles.TileCodec;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;

/**
 * Conformance case c7 (online click features), engine to feature server (here, where both roles are on
 * the class path; neither module's tests see the other): replays the clicks through
 * preview of {@code examples/online-click-features.yaml}, the same topology a running pipeline uses,
 * applies the tile records it writes to a {@link TileStore} in order, and checks every
 * {@code expected_at} row through {@link FeatureReader} with the view the spec defines.
 */
class C7OnlineFeaturesConformanceTest {

	private static final String CASE = "c7-online-features.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path directory;

	@Test
	void shouldServeEveryExpectedRowOfC7FromTheTilesTheCompiledPipelineWrites() throws Exception {
		JsonNode conformanceCase = JSON.readTree(Files.readAllBytes(caseFile()));
		PipelineSpec spec = new SpecReader().read(Files.readString(Path.of("..", "examples",
				"online-click-features.yaml")), SpecFormat.YAML).spec();
		ServedView view = SpecViews.of(spec).getFirst();
		try (TileStore store = TileStore.open(TileStoreConfig.of(directory))) {
			store.apply(tiles(spec, conformanceCase.get("inputs")), Map.of("clicks-0", 5L));
			FeatureReader reader = new FeatureReader(store, Clock.systemUTC());
			List<JsonNode> rows = new ArrayList<>(conformanceCase.get("expected_at").valueStream().toList());

			assertThat(view.name()).isEqualTo("user_clicks");
			assertThat(rows).hasSize(5).allSatisfy(row -> {
				Map<String, FeatureValue> values = reader.read(view, row.get("user_id").asString(),
						Instant.parse(row.get("as_of").asString()));
				if (row.has("status")) {
					assertThat(values.values()).extracting(FeatureValue::status)
						.containsOnly(FeatureStatus.valueOf(row.get("status").asString()));
				}
				for (String feature : view.features().keySet()) {
					if (row.has(feature)) {
						assertThat(values.get(feature).status()).as(row + " " + feature).isEqualTo(FeatureStatus.PRESENT);
						assertThat(((Number) values.get(feature).value()).longValue()).as(row + " " + feature)
							.isEqualTo(row.get(feature).asLong());
					}
				}
			});
		}
	}

	private static List<ConsumedTile> tiles(PipelineSpec spec, JsonNode inputs) {
		List<PreviewInput> clicks = inputs.valueStream().map(click -> PreviewInput.of(click.get("topic").asString(),
				click.get("key").asString(), click.get("value"))).toList();
		PreviewResult result = new PipelinePreview().run(spec, clicks);
		assertThat(result.deadLetters()).isEmpty();
		return result.outputs().get(spec.features().getFirst().topic(spec.name())).stream()
			.map(output -> ConsumedTile.of(TileCodec.fromJson(JSON.writeValueAsBytes(output.value()))))
			.toList();
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
}
