package io.streamplane.features.metrics;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.streamplane.features.ConsumedTile;
import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.features.TileStore;
import io.streamplane.features.TileStoreConfig;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureMetricsTest {

	private static final long MINUTE_MS = 60_000;

	private static final long T0 = Instant.parse("2026-01-01T12:00:00Z").toEpochMilli();

	@TempDir
	Path directory;

	private TileStore store;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final Clock clock = Clock.fixed(Instant.ofEpochMilli(T0 + 90_000), ZoneOffset.UTC);

	@BeforeEach
	void open() {
		store = TileStore.open(TileStoreConfig.of(directory));
	}

	@AfterEach
	void close() {
		store.close();
	}

	@Test
	void shouldCountIngestedTilesAndMeasureFreshnessPerViewFromTheNewestEventTime() {
		FeatureMetrics metrics = new FeatureMetrics(registry, store, clock);
		List<ConsumedTile> batch = List.of(tile("clicks", "u1", 10_000), tile("clicks", "u2", 30_000),
				tile("orders", "u1", 60_000 - 1), ConsumedTile.tombstone("clicks", "u3", T0));
		store.apply(batch, Map.of());

		metrics.applied(batch);

		assertThat(registry.get(FeatureMetrics.TILES).counter().count()).isEqualTo(4);
		assertThat(registry.get(FeatureMetrics.FRESHNESS).tag("view", "clicks").gauge().value()).isEqualTo(60.0);
		assertThat(registry.get(FeatureMetrics.FRESHNESS).tag("view", "orders").gauge().value()).isEqualTo(30.001);
	}

	@Test
	void shouldRegisterFreshnessForViewsAlreadyInTheStoreAtStart() {
		store.apply(List.of(tile("clicks", "u1", 45_000)), Map.of());

		new FeatureMetrics(registry, store, clock);

		assertThat(registry.get(FeatureMetrics.FRESHNESS).tag("view", "clicks").gauge().value()).isEqualTo(45.0);
	}

	@Test
	void shouldReportTheLastLagAndCountMalformedRecords() {
		FeatureMetrics metrics = new FeatureMetrics(registry, store, clock);

		metrics.lag(1234);
		metrics.lag(17);
		metrics.malformed();

		assertThat(registry.get(FeatureMetrics.LAG).gauge().value()).isEqualTo(17);
		assertThat(registry.get(FeatureMetrics.MALFORMED).counter().count()).isEqualTo(1);
	}

	private static ConsumedTile tile(String view, String entity, long newestOffsetMs) {
		return ConsumedTile.of(new Tile(view, entity, T0, MINUTE_MS, T0 + newestOffsetMs,
				Map.of("count()", new PartialAggregate.Count(1))));
	}

}
