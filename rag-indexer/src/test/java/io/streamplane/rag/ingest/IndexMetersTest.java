package io.streamplane.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.streamplane.protocol.index.IndexChange;
import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.index.ConsumedChange;
import io.streamplane.rag.index.HnswQuery;
import io.streamplane.rag.index.IndexStage;
import io.streamplane.rag.index.IndexStore;
import io.streamplane.spec.Chunking;

class IndexMetersTest {

	@TempDir
	Path dir;

	private final Embedder embedder = new Embedder() {

		@Override
		public List<float[]> embedAll(List<String> texts) {
			return texts.stream().map(text -> new float[] { 1, text.length() }).toList();
		}

		@Override
		public String model() {
			return "test";
		}

		@Override
		public int dimensions() {
			return 2;
		}

	};

	@Test
	void shouldTimeEachChangeFromItsSourceTimeToBeingSearchableUntilRemoved() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		try (IndexStore store = IndexStore.open(new IndexStore.Definition("p", "docs", Chunking.DEFAULT), dir,
				embedder, Duration.ofMillis(50), Duration.ofHours(1), HnswQuery.DEFAULT_CANDIDATES)) {
			IndexMeters meters = new IndexMeters(registry, store);
			long committed = System.currentTimeMillis() - 2_000;
			store.apply(List.of(change(1, committed, 0), change(2, committed, 1)));
			store.refresh();

			Timer timer = registry.get(IndexMeters.FRESHNESS).tag("index", "docs").tag("pipeline", "p").timer();
			assertThat(timer.count()).isEqualTo(2);
			assertThat(timer.max(TimeUnit.MILLISECONDS)).isBetween(2_000.0, 60_000.0);

			meters.remove();
			store.apply(List.of(change(3, committed, 2)));
			store.refresh();

			assertThat(registry.find(IndexMeters.FRESHNESS).timer()).isNull();
			assertThat(timer.count()).isEqualTo(2);
		}
	}

	@Test
	void shouldTimeEveryStageOfEachChangeAndEachCommit() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		try (IndexStore store = IndexStore.open(new IndexStore.Definition("p", "docs", Chunking.DEFAULT), dir,
				embedder, Duration.ofMillis(50), Duration.ofHours(1), HnswQuery.DEFAULT_CANDIDATES)) {
			IndexMeters meters = new IndexMeters(registry, store);
			long committed = System.currentTimeMillis() - 2_000;
			store.apply(List.of(change(1, committed, 0), change(2, committed, 1)));
			store.refresh();
			store.commit();

			for (IndexStage stage : IndexStage.values()) {
				Timer timer = registry.get(IndexMeters.STAGE).tag("index", "docs").tag("stage", stage.tag()).timer();
				assertThat(timer.count()).as(stage.tag()).isEqualTo(2);
			}
			Timer receive = registry.get(IndexMeters.STAGE).tag("stage", "receive").timer();
			assertThat(receive.max(TimeUnit.MILLISECONDS)).isBetween(2_000.0, 60_000.0);
			assertThat(registry.get(IndexMeters.COMMIT).tag("index", "docs").timer().count()).isOne();

			meters.remove();

			assertThat(registry.find(IndexMeters.STAGE).timers()).isEmpty();
			assertThat(registry.find(IndexMeters.COMMIT).timer()).isNull();
		}
	}

	private static ConsumedChange change(int id, long sourceTime, long offset) {
		return new ConsumedChange(new IndexChange.Upsert(Map.of("doc_id", id), "text " + id, Map.of()), 0, offset,
				sourceTime);
	}

}
