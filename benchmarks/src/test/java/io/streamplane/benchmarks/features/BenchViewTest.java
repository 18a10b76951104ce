package io.streamplane.benchmarks.features;

import java.util.SplittableRandom;

import io.streamplane.features.ServedView;
import io.streamplane.protocol.tiles.Tile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchViewTest {

	@Test
	void shouldDefineTwentyFeaturesWhosePartialsEveryBenchmarkTileCarries() {
		ServedView view = BenchView.view();
		Tile tile = BenchView.tile("user-1", 1_764_000_000_000L - 1_764_000_000_000L % BenchView.TILE_MS,
				new SplittableRandom(1));

		assertThat(view.features()).hasSize(20);
		assertThat(view.features().keySet()).containsExactlyElementsOf(BenchView.featureNames());
		view.features().values().forEach(feature -> assertThat(tile.partials()).containsKey(feature.partialId()));
	}

	@Test
	void shouldGiveTheServerEveryFeatureWithItsAggregateAndWindow() {
		assertThat(BenchView.serverProperties())
			.contains("--streamplane.feature-server.views[user_activity].features[amount_max_15m].aggregate=max",
					"--streamplane.feature-server.views[user_activity].features[amount_max_15m].window=15m",
					"--streamplane.feature-server.views[user_activity].features[amount_max_15m].argument=amount")
			.filteredOn(property -> property.contains(".aggregate="))
			.hasSize(20);
	}

}
