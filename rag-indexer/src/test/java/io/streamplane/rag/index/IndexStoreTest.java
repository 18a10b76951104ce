package io.streamplane.rag.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

import io.streamplane.protocol.index.IndexChange;
import io.streamplane.rag.index.internal.CommitData;
import io.streamplane.spec.Chunking;

class IndexStoreTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	private final WordHashEmbedder embedder = new WordHashEmbedder();

	private final List<IndexStore> opened = new ArrayList<>();

	private long offset;

	@AfterEach
	void close() {
		opened.forEach(IndexStore::close);
	}

	private IndexStore open(Chunking chunking) {
		IndexStore store = IndexStore.open(new IndexStore.Definition("p", "docs", chunking), dir, embedder,
				Duration.ofMillis(50), Duration.ofHours(1), HnswQuery.DEFAULT_CANDIDATES);
		opened.add(store);
		return store;
	}

	private ConsumedChange upsert(int id, String text, Map<String, Object> metadata) {
		return new ConsumedChange(new IndexChange.Upsert(Map.of("doc_id", id), text, metadata), 0, offset++, 1_000);
	}

	private ConsumedChange delete(int id) {
		return new ConsumedChange(new IndexChange.Delete(Map.of("doc_id", id)), 0, offset++, 1_000);
	}

	private static List<Hit> search(IndexStore store, String text, SearchMode mode, String filter) {
		store.refresh();
		List<FilterQueries.Problem> problems = new ArrayList<>();
		Query query = filter == null ? null : FilterQueries.parse(JSON.readTree(filter), "filter", 64, problems);
		assertThat(problems).isEmpty();
		return store.search(new SearchQuery(text, 10, query, mode));
	}

	@Test
	void shouldMeasureFreshnessFromTheSourceTimeToTheRefreshThatMakesAChangeSearchable() {
		AtomicLong now = new AtomicLong(100_000);
		IndexStore store = IndexStore.open(new IndexStore.Definition("p", "docs", Chunking.DEFAULT), dir, embedder,
				Duration.ofHours(1), Duration.ofHours(1), HnswQuery.DEFAULT_CANDIDATES, new Clock() {

					@Override
					public Instant instant() {
						return Instant.ofEpochMilli(now.get());
					}

					@Override
					public java.time.ZoneId getZone() {
						return ZoneOffset.UTC;
					}

					@Override
					public Clock withZone(java.time.ZoneId zone) {
						return this;
					}

				});
		opened.add(store);
		assertThat(store.statistics().freshness()).isEqualTo(IndexStatistics.Freshness.NONE);

		store.apply(List.of(new ConsumedChange(new IndexChange.Upsert(Map.of("doc_id", 1), "one", Map.of()), 0, 0,
				99_800), new ConsumedChange(new IndexChange.Delete(Map.of("doc_id", 2)), 0, 1, 99_900)));
		now.set(100_250);
		assertThat(store.statistics().freshness().changes()).as("applied, not yet searchable").isZero();
		store.refresh();

		assertThat(store.statistics().freshness()).isEqualTo(new IndexStatistics.Freshness(2, 350L, 450L, 450L));
		now.set(160_300);
		assertThat(store.statistics().freshness()).as("a minute later").isEqualTo(IndexStatistics.Freshness.NONE);
	}

	@Test
	void shouldFindTheCurrentTextOfEachRowAfterInsertUpdateAndDelete() {
		IndexStore store = open(Chunking.DEFAULT);
		store.apply(List.of(upsert(1, "Bytewax is a Python streaming framework with a Rust core.", Map.of()),
				upsert(2, "Pathway is reactive incremental Python.", Map.of())));
		store.apply(List.of(upsert(1, "Bytewax uses Timely Dataflow for execution.", Map.of())));

		assertThat(search(store, "Bytewax", SearchMode.VECTOR, null).getFirst().text())
			.isEqualTo("Bytewax uses Timely Dataflow for execution.");
		assertThat(search(store, "Rust core", SearchMode.KEYWORD, null)).isEmpty();
		assertThat(store.statistics().rows()).isEqualTo(2);

		store.apply(List.of(delete(2)));

		assertThat(search(store, "reactive incremental Python", SearchMode.HYBRID, null))
			.extracting(hit -> hit.key().get("doc_id")).containsOnly(1);
		assertThat(store.statistics()).extracting(IndexStatistics::rows, IndexStatistics::chunks)
			.containsExactly(1L, 1L);
	}

	@Test
	void shouldReplaceEveryChunkOfARowOnUpdate() {
		IndexStore store = open(new Chunking(16, 0));
		String longText = IntStream.range(0, 12).mapToObj(i -> "Old sentence " + i + " about tables.")
			.collect(Collectors.joining(" "));
		store.apply(List.of(upsert(7, longText, Map.of())));
		store.refresh();
		assertThat(store.statistics().chunks()).isGreaterThan(3);

		store.apply(List.of(upsert(7, "New short text.", Map.of())));

		assertThat(search(store, "old sentence tables", SearchMode.KEYWORD, null)).isEmpty();
		assertThat(search(store, "short text", SearchMode.HYBRID, null)).extracting(Hit::id, Hit::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("7#0", "New short text."));
		assertThat(store.statistics()).extracting(IndexStatistics::rows, IndexStatistics::chunks)
			.containsExactly(1L, 1L);
	}

	@Test
	void shouldNotEmbedAgainWhenOnlyTheMetadataChanges() {
		IndexStore store = open(Chunking.DEFAULT);
		store.apply(List.of(upsert(1, "Kafka Streams keeps state in RocksDB.", Map.of("category", "streaming"))));
		int embeddedBefore = embedder.texts.get();

		store.apply(List.of(upsert(1, "Kafka Streams keeps state in RocksDB.", Map.of("category", "storage"))));

		assertThat(embedder.texts.get()).isEqualTo(embeddedBefore);
		assertThat(store.embedded()).isEqualTo(1);
		assertThat(search(store, "state", SearchMode.VECTOR, "{\"category\": \"storage\"}")).hasSize(1);
		assertThat(search(store, "state", SearchMode.VECTOR, "{\"category\": \"streaming\"}")).isEmpty();
	}

	@Test
	void shouldFilterOnEqualityInRangesAndCombinations() {
		IndexStore store = open(Chunking.DEFAULT);
		store.apply(List.of(upsert(1, "streams one", Map.of("category", "streaming", "year", 2021)),
				upsert(2, "streams two", Map.of("category", "ml", "year", 2023)),
				upsert(3, "streams three", Map.of("category", "db", "year", 2025))));

		assertThat(ids(search(store, "streams", SearchMode.HYBRID, "{\"category\": {\"in\": [\"ml\", \"db\"]}}")))
			.containsExactlyInAnyOrder(2, 3);
		assertThat(ids(search(store, "streams", SearchMode.KEYWORD, "{\"year\": {\"gte\": 2021, \"lt\": 2025}}")))
			.containsExactlyInAnyOrder(1, 2);
		assertThat(ids(search(store, "streams", SearchMode.VECTOR, "{\"not\": {\"year\": 2023}}")))
			.containsExactlyInAnyOrder(1, 3);
		assertThat(ids(search(store, "streams", SearchMode.VECTOR,
				"{\"or\": [{\"category\": \"db\"}, {\"year\": {\"lt\": 2022}}]}")))
			.containsExactlyInAnyOrder(1, 3);
	}

	@Test
	void shouldNameThePathOfEveryFilterProblem() {
		List<FilterQueries.Problem> problems = new ArrayList<>();

		FilterQueries.parse(JSON.readTree("{\"and\": [{\"year\": {\"gte\": []}}, 3], \"tag\": {\"like\": \"x\"}}"),
				"filter", 64, problems);

		assertThat(problems).extracting(FilterQueries.Problem::path)
			.containsExactly("filter.and[0].year.gte", "filter.and[1]", "filter.tag.like");
	}

	@Test
	void shouldKeepTheVectorsOfARowWrittenByABatchNoRefreshShowsYet() {
		IndexStore store = IndexStore.open(new IndexStore.Definition("p", "docs", Chunking.DEFAULT), dir, embedder,
				Duration.ofHours(1), Duration.ofHours(1), HnswQuery.DEFAULT_CANDIDATES);
		opened.add(store);
		store.apply(List.of(upsert(1, "Kafka Streams keeps state in RocksDB.", Map.of("category", "streaming"))));
		store.apply(List.of(upsert(1, "Kafka Streams keeps state in RocksDB.", Map.of("category", "storage"))));

		assertThat(store.embedded()).as("the second batch reused the first one's vector").isEqualTo(1);

		store.apply(List.of(delete(1)));
		store.apply(List.of(upsert(1, "Kafka Streams keeps state in RocksDB.", Map.of())));

		assertThat(store.embedded()).as("a deleted row keeps no vector").isEqualTo(2);
		assertThat(search(store, "state", SearchMode.VECTOR, null)).hasSize(1);
	}

	@Test
	void shouldCommitAppliedChangesWithTheirOffsetsEveryCommitIntervalOnItsOwn() {
		IndexStore store = IndexStore.open(new IndexStore.Definition("p", "docs", Chunking.DEFAULT), dir, embedder,
				Duration.ofMillis(50), Duration.ofMillis(20), HnswQuery.DEFAULT_CANDIDATES);
		opened.add(store);

		store.apply(List.of(upsert(1, "one", Map.of()), upsert(2, "two", Map.of())));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(committedOffsets()).isEqualTo(Map.of(0, 2L)));
	}

	private Map<Integer, Long> committedOffsets() throws IOException {
		try (Directory directory = FSDirectory.open(dir)) {
			if (!DirectoryReader.indexExists(directory)) {
				return Map.of();
			}
			List<IndexCommit> commits = DirectoryReader.listCommits(directory);
			return CommitData.read(commits.getLast().getUserData().entrySet()).offsets();
		}
	}

	@Test
	void shouldResumeFromTheCommittedOffsetsAfterReopening() {
		IndexStore store = open(Chunking.DEFAULT);
		store.apply(List.of(upsert(1, "committed text", Map.of())));
		store.commit();
		store.apply(List.of(upsert(2, "applied but never committed", Map.of())));
		opened.remove(store);
		store.rollback();

		IndexStore reopened = open(Chunking.DEFAULT);

		assertThat(reopened.nextOffsets()).isEqualTo(Map.of(0, 1L));
		reopened.refresh();
		assertThat(reopened.statistics().rows()).isEqualTo(1);
	}

	@Test
	void shouldRebuildWhenTheChunkingChanged() {
		IndexStore store = open(Chunking.DEFAULT);
		store.apply(List.of(upsert(1, "some text", Map.of())));
		store.close();
		opened.remove(store);

		IndexStore rechunked = open(new Chunking(64, 8));

		assertThat(rechunked.nextOffsets()).isEmpty();
		rechunked.refresh();
		assertThat(rechunked.statistics().chunks()).isZero();
	}

	@Test
	void shouldRebuildWhenTheModelChanged() {
		IndexStore store = open(Chunking.DEFAULT);
		store.apply(List.of(upsert(1, "some text", Map.of())));
		store.close();
		opened.remove(store);

		IndexStore reembedded = IndexStore.open(new IndexStore.Definition("p", "docs", Chunking.DEFAULT), dir,
				new WordHashEmbedder("word-hash-q"), Duration.ofMillis(50), Duration.ofHours(1),
				HnswQuery.DEFAULT_CANDIDATES);
		opened.add(reembedded);

		assertThat(reembedded.nextOffsets()).as("consumed again from the topic's start").isEmpty();
		reembedded.refresh();
		assertThat(reembedded.statistics().chunks()).isZero();
		assertThat(reembedded.statistics().model()).isEqualTo("word-hash-q");
	}

	@Test
	void shouldWarnInItsStatisticsWhenChunksMayBeLongerThanTheModelReads() {
		WordHashEmbedder reads128 = new WordHashEmbedder("word-hash", 128);
		IndexStore wide = IndexStore.open(new IndexStore.Definition("p", "docs", new Chunking(256, 32)), dir, reads128,
				Duration.ofMillis(50), Duration.ofHours(1), HnswQuery.DEFAULT_CANDIDATES);
		opened.add(wide);
		IndexStore fitting = IndexStore.open(new IndexStore.Definition("p", "docs", Chunking.DEFAULT),
				dir.resolve("default"), reads128, Duration.ofMillis(50), Duration.ofHours(1),
				HnswQuery.DEFAULT_CANDIDATES);
		opened.add(fitting);

		assertThat(wide.statistics().warnings()).singleElement()
			.asString()
			.contains("chunking.maxTokens 256 is more than model word-hash reads (128 tokens, 126 of them text)",
					"set chunking.maxTokens to at most 120");
		assertThat(fitting.statistics().warnings()).isEmpty();
		IndexStore unknownLimit = IndexStore.open(new IndexStore.Definition("p", "docs", new Chunking(256, 32)),
				dir.resolve("remote"), embedder, Duration.ofMillis(50), Duration.ofHours(1),
				HnswQuery.DEFAULT_CANDIDATES);
		opened.add(unknownLimit);
		assertThat(unknownLimit.statistics().warnings()).as("a model of no known limit").isEmpty();
	}

	private static List<Object> ids(List<Hit> hits) {
		return hits.stream().map(hit -> hit.key().get("doc_id")).toList();
	}

}
