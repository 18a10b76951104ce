package io.streamplane.benchmarks.features;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.streamplane.features.FeatureReader;
import io.streamplane.features.RawTileReader;
import io.streamplane.features.ServedView;
import io.streamplane.features.TileStore;
import io.streamplane.features.TileStoreConfig;
import io.streamplane.benchmarks.harness.BenchmarkException;
import org.HdrHistogram.Histogram;

/**
 * The baselines measured in the benchmark's own JVM on the store the server will serve, before the server
 * opens it, one thread, closed loop, random entities: (1) a raw RocksDB {@code get} of one entity's current
 * tile key (same block cache and options as the server), (2) {@link FeatureReader#read} of one entity
 * (seek, scan, JSON decode of its tiles, merge of 20 features) and (3) {@link FeatureReader#readAll} of a
 * batch, the store work of one {@code POST /features}.
 */
final class InProcessBaselines {

	private InProcessBaselines() {
	}

	static List<Latency> measure(Path directory, ServedView view, FeatureBenchmarkOptions options, long nowMs) {
		List<Latency> results = new ArrayList<>();
		results.add(rawGet(directory, options, nowMs));
		try (TileStore store = TileStore.open(TileStoreConfig.of(directory))) {
			FeatureReader reader = new FeatureReader(store, Clock.systemUTC());
			Instant asOf = Instant.ofEpochMilli(nowMs);
			SplittableRandom random = new SplittableRandom(options.seed() + 1);
			results.add(timed("in-process read, 1 entity", options.rawReads(),
					() -> reader.read(view, BenchView.entity(random.nextInt(options.entities())), asOf)));
			results.add(timed("in-process readAll, " + options.postEntities() + " entities",
					Math.max(1000, options.rawReads() / options.postEntities()),
					() -> reader.readAll(view, entities(random, options), asOf)));
		}
		return results;
	}

	static List<String> entities(SplittableRandom random, FeatureBenchmarkOptions options) {
		List<String> entities = new ArrayList<>(options.postEntities());
		for (int i = 0; i < options.postEntities(); i++) {
			entities.add(BenchView.entity(random.nextInt(options.entities())));
		}
		return entities;
	}

	private static Latency rawGet(Path directory, FeatureBenchmarkOptions options, long nowMs) {
		long tileStart = nowMs - nowMs % BenchView.TILE_MS;
		SplittableRandom random = new SplittableRandom(options.seed() + 1);
		try (RawTileReader tiles = RawTileReader.open(TileStoreConfig.of(directory), BenchView.NAME)) {
			long[] misses = { 0 };
			Latency latency = timed("raw RocksDB get, 1 key", options.rawReads(), () -> {
				if (tiles.get(BenchView.entity(random.nextInt(options.entities())), tileStart) == null) {
					misses[0]++;
				}
			});
			if (misses[0] > 0) {
				throw new BenchmarkException(misses[0] + " raw gets found no tile: the load did not write them");
			}
			return latency;
		}
	}

	private static Latency timed(String name, int operations, Runnable operation) {
		for (int i = 0; i < Math.min(operations, 20_000); i++) {
			operation.run();
		}
		Histogram histogram = Latency.histogram();
		for (int i = 0; i < operations; i++) {
			long start = System.nanoTime();
			operation.run();
			histogram.recordValue(System.nanoTime() - start);
		}
		return Latency.of(name, histogram, 0, 0);
	}

}
