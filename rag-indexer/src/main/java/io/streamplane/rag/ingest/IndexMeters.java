package io.streamplane.rag.ingest;

import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import io.streamplane.rag.index.IndexStore;

/**
 * The meters of one index, tagged {@code index} and {@code pipeline}: {@code streamplane.index.rows},
 * {@code streamplane.index.chunks}, {@code streamplane.index.lag} (records not yet applied),
 * {@code streamplane.index.deleted.ratio}, {@code streamplane.index.segments} (gauges) and
 * {@code streamplane.index.embedded} (chunks embedded; unchanged chunks are not). Removed when the index stops.
 */
final class IndexMeters {

	private final MeterRegistry registry;

	private final List<Meter> meters;

	IndexMeters(MeterRegistry registry, IndexStore store) {
		this.registry = registry;
		Tags tags = Tags.of("index", store.definition().index(), "pipeline", store.definition().pipeline());
		this.meters = List.of(
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
					.description("Chunks embedded; chunks whose text was unchanged are not").register(registry));
	}

	void remove() {
		meters.forEach(registry::remove);
	}

}
