package io.streamplane.features;

import static io.streamplane.features.Tiles.consumed;
import static io.streamplane.features.Tiles.counted;
import static io.streamplane.features.Tiles.ms;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import io.streamplane.protocol.tiles.Tile;

class TileStoreTest {

	private static final long ALL = Long.MAX_VALUE;

	@TempDir
	Path directory;

	private TileStore store;

	@BeforeEach
	void open() {
		store = TileStore.open(config());
	}

	@AfterEach
	void close() {
		store.close();
	}

	@Test
	void shouldStoreOffsetsWithTilesAndRecoverBothAfterReopen() {
		store.apply(List.of(consumed(counted("clicks", "u1", "2026-01-01T12:00:05Z", 2))),
				Map.of("sp.features.p.clicks-0", 1L));
		store.apply(List.of(consumed(counted("clicks", "u1", "2026-01-01T12:01:10Z", 1)),
				consumed(counted("orders", "u2", "2026-01-01T12:01:10Z", 1))),
				Map.of("sp.features.p.clicks-0", 2L, "sp.features.p.orders-0", 1L));

		store.close();
		store = TileStore.open(config());

		assertThat(store.offsets()).containsExactlyInAnyOrderEntriesOf(
				Map.of("sp.features.p.clicks-0", 2L, "sp.features.p.orders-0", 1L));
		assertThat(store.read("clicks", "u1", 0, ALL).inRange()).hasSize(2);
		assertThat(store.read("orders", "u2", 0, ALL).inRange()).hasSize(1);
		assertThat(store.newestEventTimeMs("clicks")).hasValue(ms("2026-01-01T12:01:10Z"));
	}

	@Test
	void shouldStartWithNoOffsets() {
		assertThat(store.offsets()).isEmpty();
	}

	@Test
	void shouldReplaceATileWhenItsNewStateArrivesAndIgnoreAReplay() {
		Tile first = counted("clicks", "u1", "2026-01-01T12:00:01Z", 1);
		Tile second = counted("clicks", "u1", "2026-01-01T12:00:05Z", 2);

		store.apply(List.of(consumed(first), consumed(second)), Map.of("p-0", 2L));
		store.apply(List.of(consumed(second)), Map.of("p-0", 2L));

		assertThat(store.read("clicks", "u1", 0, ALL).inRange()).containsExactly(second);
	}

	@Test
	void shouldDeleteATileOnATombstone() {
		Tile tile = counted("clicks", "u1", "2026-01-01T12:00:01Z", 1);
		store.apply(List.of(consumed(tile)), Map.of());

		store.apply(List.of(ConsumedTile.tombstone("clicks", "u1", tile.tileStartMs())), Map.of());

		assertThat(store.read("clicks", "u1", 0, ALL)).isEqualTo(EntityTiles.NONE);
	}

	@Test
	void shouldKeepEntitiesApartEvenWhenOneKeyPrefixesAnother() {
		store.apply(List.of(consumed(counted("clicks", "u1", "2026-01-01T12:00:01Z", 1)),
				consumed(counted("clicks", "u10", "2026-01-01T12:00:01Z", 7)),
				consumed(counted("clicks", "u", "2026-01-01T12:00:01Z", 9))), Map.of());

		assertThat(store.read("clicks", "u1", 0, ALL).inRange()).singleElement()
			.extracting(Tile::entity).isEqualTo("u1");
		assertThat(store.read("clicks", "u2", 0, ALL)).isEqualTo(EntityTiles.NONE);
	}

	@Test
	void shouldReadTilesInRangeOldestFirstAndTheLatestBeforeAnEmptyRange() {
		Tile noon = counted("clicks", "u1", "2026-01-01T12:00:01Z", 1);
		Tile twoPast = counted("clicks", "u1", "2026-01-01T12:02:01Z", 1);
		Tile fivePast = counted("clicks", "u1", "2026-01-01T12:05:01Z", 1);
		store.apply(List.of(consumed(fivePast), consumed(noon), consumed(twoPast)), Map.of());

		EntityTiles range = store.read("clicks", "u1", ms("2026-01-01T12:00:00Z"), ms("2026-01-01T12:04:00Z"));
		EntityTiles empty = store.read("clicks", "u1", ms("2026-01-01T12:03:00Z"), ms("2026-01-01T12:04:30Z"));

		assertThat(range.inRange()).containsExactly(noon, twoPast);
		assertThat(range.latest()).contains(twoPast);
		assertThat(empty.inRange()).isEmpty();
		assertThat(empty.latest()).contains(twoPast);
		assertThat(store.read("unknown-view", "u1", 0, ALL)).isEqualTo(EntityTiles.NONE);
	}

	@Test
	void shouldPruneTilesOlderThanRetentionBehindTheNewestEventTimeNotTheWallClock() {
		Tile old = counted("clicks", "u1", "2020-01-01T11:00:01Z", 1);
		Tile kept = counted("clicks", "u1", "2020-01-01T11:56:01Z", 1);
		Tile other = counted("clicks", "u2", "2020-01-01T11:30:01Z", 1);
		Tile newest = counted("clicks", "u3", "2020-01-01T12:00:01Z", 1);
		store.apply(List.of(consumed(old), consumed(kept), consumed(other), consumed(newest)), Map.of());

		long deleted = store.prune("clicks", Duration.ofMinutes(5));

		assertThat(deleted).isEqualTo(2);
		assertThat(store.read("clicks", "u1", 0, ALL).inRange()).containsExactly(kept);
		assertThat(store.read("clicks", "u2", 0, ALL)).isEqualTo(EntityTiles.NONE);
		assertThat(store.read("clicks", "u3", 0, ALL).inRange()).containsExactly(newest);
		assertThat(store.prune("unknown-view", Duration.ofMinutes(5))).isZero();
	}

	@Test
	void shouldChargeMemtablesToTheSharedBlockCache() {
		store.apply(List.of(consumed(counted("clicks", "u1", "2026-01-01T12:00:01Z", 1))), Map.of());

		assertThat(store.memoryUsageBytes()).isPositive()
			.isLessThanOrEqualTo(DataSize.ofMegabytes(8).toBytes());
	}

	private TileStoreConfig config() {
		return new TileStoreConfig(directory.resolve("tiles"), DataSize.ofMegabytes(8), DataSize.ofMegabytes(2));
	}
}
