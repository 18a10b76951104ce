package io.streamplane.benchmarks.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.streamplane.features.ConsumedTile;
import io.streamplane.features.TileStore;
import io.streamplane.features.TileStoreConfig;

/**
 * Loads the view's tiles straight into a {@link TileStore} (the store's own write path, in batches of
 * 10,000, as ingest would write them, without Kafka): every entity gets tiles for the current minute and
 * the minutes before it, so reads as of now find them inside every window and the ttl.
 */
final class StoreLoader {

	private static final int BATCH = 10_000;

	private StoreLoader() {
	}

	/** Loads {@code entities} x {@code tilesPerEntity} tiles ending at the minute of {@code nowMs}. */
	static long load(Path directory, int entities, int tilesPerEntity, long nowMs, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		long currentTile = nowMs - nowMs % BenchView.TILE_MS;
		long written = 0;
		try (TileStore store = TileStore.open(TileStoreConfig.of(directory))) {
			List<ConsumedTile> batch = new ArrayList<>(BATCH);
			for (int entity = 0; entity < entities; entity++) {
				for (int tile = tilesPerEntity - 1; tile >= 0; tile--) {
					long start = currentTile - tile * BenchView.TILE_MS;
					batch.add(ConsumedTile.of(BenchView.tile(BenchView.entity(entity), start, random)));
				}
				if (batch.size() >= BATCH) {
					store.apply(batch, Map.of());
					written += batch.size();
					batch.clear();
				}
			}
			store.apply(batch, Map.of());
			written += batch.size();
		}
		return written;
	}

}
