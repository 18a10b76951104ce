package io.streamplane.rag.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import io.streamplane.rag.index.IndexStage;
import io.streamplane.rag.index.IndexStore;
import io.streamplane.rag.index.StageListener;

/**
 * The meters of one index, tagged {@code index} and {@code pipeline}: {@code streamplane.index.rows},
 * {@code streamplane.index.chunks}, {@code streamplane.index.lag} (records not yet applied),
 * {@code streamplane.index.deleted.ratio}, {@code streamplane.index.segments} (gauges) and
 * {@code streamplane.index.embedded} (chunks embedded; unchanged chunks are not), and the timer
 * {@value #FRESHNESS} (each change from its source time to being searchable, with a percentile histogram so
 * Prometheus computes any quantile: {@code streamplane_index_freshness_seconds}), the timer {@value #STAGE}
 * tagged {@code stage} (where that time went, per change: {@link IndexStage}) and the timer {@value #COMMIT}
 * (each Lucene commit). Removed when the index stops.
 */
final class IndexMeters {

	/** Name of the per-index freshness timer. */
	static final String FRESHNESS = "streamplane.index.freshness";

	/** Name of the per-index, per-stage timer. */
	static final String STAGE = "streamplane.index.stage";

	/** Name of the per-index commit timer. */
	static final String COMMIT = "streamplane.index.commit";

	/** Buckets up to here: a saturated indexer has been measured at 46 s (docs/benchmarks.md). */
	private static final Duration MAX_EXPECTED_FRESHNESS = Duration.ofMinutes(5);

	private final IndexStore store;

	private final MeterRegistry registry;

	private final List<Meter> meters;

	IndexMeters(MeterRegistry registry, IndexStore store) {
		this.registry = registry;
		this.store = store;
		Tags tags = Tags.of("index", store.definition().index(), "pipeline", store.definition().pipeline());
		List<Meter> all = new ArrayList<>(List.of(
				Gauge.builder("streamplane.index.rows", store, s -> s.statistics().rows()).tags(tags)
					.description("Rows with at least one searchable chunk").register(registry),
				Gauge.builder("streamplane.index.chunks", store, s -> s.statistics().chunks()).tags(tags)
					.description("Searchable chunks").register(registry),
				Gauge.builder("streamplane.index.lag", store, s -> s.statistics().lag()).tags(tags)
					.description("Records of the index topic not yet applied (-1 while unknown)").register(registry),
				Gauge.builder("streamplane.index.deleted.ratio", store, s -> s.statistics().deletedRatio()).tags(tags)
					.description("Share of deleted documents not yet merged away").register(registry),
				Gauge.builder("streamplane.index.segments", store, s -> s.statistics().segments()).tags(tags)
					.description("Lucene segments").register(registry),
				FunctionCounter.builder("streamplane.index.embedded", store, IndexStore::embedded).tags(tags)
					.description("Chunks embedded; chunks whose text was unchanged are not").register(registry),
				freshness(registry, store, tags)));
		all.addAll(stages(registry, store, tags));
		this.meters = List.copyOf(all);
	}

	private static List<Meter> stages(MeterRegistry registry, IndexStore store, Tags tags) {
		Map<IndexStage, Timer> timers = new EnumMap<>(IndexStage.class);
		for (IndexStage stage : IndexStage.values()) {
			timers.put(stage, Timer.builder(STAGE).tags(tags).tag("stage", stage.tag())
				.description("Where the changes' time from source to searchable went, per change and stage")
				.publishPercentileHistogram()
				.maximumExpectedValue(MAX_EXPECTED_FRESHNESS)
				.register(registry));
		}
		Timer commit = Timer.builder(COMMIT).tags(tags)
			.description("Lucene commits of the index with its consumed offsets")
			.register(registry);
		store.stageListener(new StageListener() {

			@Override
			public void stage(IndexStage stage, long millis, int changes) {
				Timer timer = timers.get(stage);
				for (int i = 0; i < changes; i++) {
					timer.record(millis, TimeUnit.MILLISECONDS);
				}
			}

			@Override
			public void committed(long millis) {
				commit.record(millis, TimeUnit.MILLISECONDS);
			}

		});
		List<Meter> meters = new ArrayList<>(timers.values());
		meters.add(commit);
		return meters;
	}

	private static Timer freshness(MeterRegistry registry, IndexStore store, Tags tags) {
		Timer timer = Timer.builder(FRESHNESS).tags(tags)
			.description("Changes from their source time (PostgreSQL commit) to being searchable")
			.publishPercentileHistogram()
			.maximumExpectedValue(MAX_EXPECTED_FRESHNESS)
			.register(registry);
		store.freshnessListener(millis -> timer.record(millis, TimeUnit.MILLISECONDS));
		return timer;
	}

	void remove() {
		store.freshnessListener(millis -> {
		});
		store.stageListener(StageListener.NONE);
		meters.forEach(registry::remove);
	}

}
