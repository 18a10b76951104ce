package io.streamplane.rag.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.streamplane.protocol.index.IndexChange;
import io.streamplane.rag.chunk.Chunk;
import io.streamplane.rag.chunk.Chunker;
import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.index.internal.ChunkFields;
import io.streamplane.rag.index.internal.Committer;
import io.streamplane.rag.index.internal.CommitData;
import io.streamplane.rag.index.internal.FreshnessWindow;
import io.streamplane.rag.index.internal.ModelWindow;
import io.streamplane.rag.index.internal.RefreshLoop;
import io.streamplane.rag.index.internal.StageTimer;
import io.streamplane.rag.index.internal.Vectors;
import io.streamplane.rag.index.internal.WriterConfig;
import io.streamplane.spec.Chunking;

/**
 * The Lucene index of one vector index of one pipeline: one document per chunk (see {@link ChunkFields}), made
 * from the row changes of the index topic. {@link #apply} is called by one thread (the index's consumer);
 * {@link #search} and {@link #statistics} by any number.
 * <ul>
 * <li>An upsert replaces all of the row's chunks in one {@link IndexWriter#updateDocuments} (atomic: a reader
 * sees the old chunks or the new, never a mix); a delete removes them.</li>
 * <li>A chunk whose text hash equals one the row already has keeps that stored vector: only new text is
 * embedded ({@link #embedded()} counts what was).</li>
 * <li>The next offset of each partition is committed with the documents ({@link CommitData}) every commit
 * interval, on a thread of its own ({@link Committer}: the writing thread never waits for a flush and fsync), so
 * after any crash the consumer resumes exactly after the last committed change: replaying a change is idempotent
 * and no change is skipped.</li>
 * <li>Changes are searchable as soon as a refresh after their batch ends ({@link #requestRefresh()}), and
 * within the refresh interval in any case ({@link RefreshLoop}); the writing thread never waits for it. The refresh
 * that makes a change searchable measures its freshness: now minus the change's source time (see
 * {@link IndexStatistics.Freshness}).</li>
 * <li>An index committed with other chunking or another model is emptied and rebuilt from the topic's
 * start.</li>
 * </ul>
 */
public final class IndexStore implements AutoCloseable {

	/**
	 * Which index this is and how it cuts text.
	 *
	 * @param pipeline the pipeline
	 * @param index the index name
	 * @param chunking the chunking of the spec
	 */
	public record Definition(String pipeline, String index, Chunking chunking) {
	}

	private static final Logger log = LoggerFactory.getLogger(IndexStore.class);

	private static final int MAX_CANDIDATES = 1_000;

	private static final long FRESHNESS_WINDOW_MILLIS = 60_000;

	private static final int FRESHNESS_CAPACITY = 10_000;

	/** Lucene's classic English stop words: BM25 ignores them, so "what is X?" ranks by X. */
	static final CharArraySet ENGLISH_STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(List.of("a", "an",
			"and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of", "on",
			"or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will",
			"with"), true));

	private final Definition definition;

	private final Embedder embedder;

	private final Chunker chunker;

	private final Clock clock;

	private final int vectorCandidates;

	private final Analyzer analyzer = new StandardAnalyzer(ENGLISH_STOP_WORDS);

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final RefreshLoop refresher;

	private final Committer committer;

	private final String settings;

	private final List<String> warnings;

	private final Map<Integer, Long> offsets = new TreeMap<>();

	private final AtomicLong embedded = new AtomicLong();

	private final FreshnessWindow freshness = new FreshnessWindow(FRESHNESS_WINDOW_MILLIS, FRESHNESS_CAPACITY);

	private final Object pendingLock = new Object();

	/** Changes written but perhaps not searchable yet; guarded by {@link #pendingLock}. */
	private List<Written> pending = new ArrayList<>();

	/** Changes written before the refresh under way; guarded by {@link #pendingLock}. */
	private List<Written> refreshing = new ArrayList<>();

	private volatile LongConsumer freshnessListener = millis -> {
	};

	private volatile StageListener stageListener = StageListener.NONE;

	private volatile long lastIndexedAt;

	private volatile long lastSourceTime;

	private volatile long lag = -1;

	/** Batches written so far; guarded by this. */
	private long version;

	private IndexStore(Definition definition, Path path, Embedder embedder, Duration refresh, Duration commitInterval,
			int vectorCandidates, Clock clock) throws IOException {
		this.definition = definition;
		this.vectorCandidates = vectorCandidates;
		this.embedder = embedder;
		this.chunker = new Chunker(definition.chunking());
		this.clock = clock;
		this.warnings = ModelWindow.warnings(definition.chunking(), embedder);
		warnings.forEach(warning -> log.warn("Index {} of pipeline {}: {}", definition.index(), definition.pipeline(),
				warning));
		this.settings = definition.chunking().maxTokens() + "/" + definition.chunking().overlap() + "/"
				+ embedder.model() + "/" + embedder.dimensions() + "/en";
		this.directory = FSDirectory.open(path);
		this.writer = new IndexWriter(directory, WriterConfig.nearRealTime(analyzer));
		CommitData committed = CommitData.read(writer.getLiveCommitData());
		if (committed.settings() != null && !committed.settings().equals(settings)) {
			writer.deleteAll();
		}
		else {
			offsets.putAll(committed.offsets());
			lastIndexedAt = committed.lastIndexedAt();
		}
		this.searchers = new SearcherManager(writer, null);
		searchers.addListener(new FreshnessListener());
		this.refresher = new RefreshLoop(searchers, refresh, "sp-index-refresh-" + definition.index());
		this.committer = new Committer(writer, this::snapshot, commitInterval, "sp-index-commit-" + definition.index(),
				millis -> stageListener.committed(millis));
	}

	/**
	 * Opens (or creates) the index in {@code path}.
	 *
	 * @param definition which index
	 * @param path its directory, used by this store alone
	 * @param embedder the model that embeds chunks and queries
	 * @param refresh the longest time between a change applied and it being searchable
	 * @param commitInterval how often applied changes are committed (made durable with their offsets)
	 * @param vectorCandidates candidates the HNSW search of a vector query explores, at least its k
	 * ({@link HnswQuery})
	 * @throws RagIndexException (permanent) if the directory cannot be opened, e.g. another process holds it
	 */
	public static IndexStore open(Definition definition, Path path, Embedder embedder, Duration refresh,
			Duration commitInterval, int vectorCandidates) {
		return open(definition, path, embedder, refresh, commitInterval, vectorCandidates, Clock.systemUTC());
	}

	/** {@link #open} with a clock of the test's: it times commits, {@code lastIndexedAt} and freshness. */
	static IndexStore open(Definition definition, Path path, Embedder embedder, Duration refresh,
			Duration commitInterval, int vectorCandidates, Clock clock) {
		try {
			return new IndexStore(definition, path, embedder, refresh, commitInterval, vectorCandidates, clock);
		}
		catch (IOException ex) {
			throw RagIndexException.permanent("cannot open the index '" + definition.index() + "' in " + path
					+ ": " + ex.getMessage(), ex);
		}
	}

	/** Which index this is. */
	public Definition definition() {
		return definition;
	}

	/** The next offset to read of each partition: where the changes applied so far end. */
	public synchronized Map<Integer, Long> nextOffsets() {
		return Map.copyOf(offsets);
	}

	/** Chunks embedded since this store opened; unchanged chunks are not embedded again. */
	public long embedded() {
		return embedded.get();
	}

	/** Source time (epoch ms) of the newest change applied, or 0. */
	public long lastSourceTime() {
		return lastSourceTime;
	}

	/**
	 * Sets who hears each change's freshness (milliseconds from its source time to being searchable), e.g. a
	 * timer; called on the refreshing thread, so it must be quick.
	 */
	public void freshnessListener(LongConsumer millis) {
		this.freshnessListener = millis;
	}

	/** Sets who hears where the changes' time goes ({@link IndexStage}) and how long commits take. */
	public void stageListener(StageListener listener) {
		this.stageListener = listener;
	}

	/** Sets how many records of the topic are not applied yet, as the consumer measures it. */
	public void lag(long records) {
		this.lag = records;
	}

	/**
	 * Applies consumed changes in order (of one row, the last wins) and commits them with their offsets when the
	 * commit interval has passed. Nothing is written when embedding fails, so the same changes can be applied
	 * again.
	 *
	 * @throws io.streamplane.rag.embed.EmbeddingException when the embedder fails
	 * @throws RagIndexException (permanent) when the index cannot be written
	 */
	public synchronized void apply(List<ConsumedChange> changes) {
		if (changes.isEmpty()) {
			return;
		}
		committer.rethrow();
		StageTimer stages = new StageTimer(changes.size());
		long received = clock.millis();
		Map<String, IndexChange> rows = new LinkedHashMap<>();
		for (ConsumedChange consumed : changes) {
			String row = ChunkFields.rowId(consumed.change().key());
			rows.remove(row);
			rows.put(row, consumed.change());
		}
		try {
			Map<String, Map<String, float[]>> vectors = new HashMap<>();
			Map<String, List<Document>> documents = documents(rows, stages, vectors);
			for (Map.Entry<String, List<Document>> row : documents.entrySet()) {
				Term term = new Term(ChunkFields.ROW, row.getKey());
				if (row.getValue().isEmpty()) {
					writer.deleteDocuments(term);
				}
				else {
					writer.updateDocuments(term, row.getValue());
				}
			}
			stages.lap(IndexStage.WRITE);
			long[] sourceTimes = new long[changes.size()];
			int i = 0;
			for (ConsumedChange consumed : changes) {
				offsets.merge(consumed.partition(), consumed.offset() + 1, Math::max);
				lastSourceTime = Math.max(lastSourceTime, consumed.sourceTime());
				sourceTimes[i++] = consumed.sourceTime();
			}
			synchronized (pendingLock) {
				pending.add(new Written(sourceTimes, System.nanoTime(), vectors));
			}
			lastIndexedAt = clock.millis();
			version++;
			report(stages, changes, received);
		}
		catch (IOException ex) {
			throw RagIndexException.permanent("cannot write the index '" + definition.index() + "': " + ex.getMessage(),
					ex);
		}
	}

	private void report(StageTimer stages, List<ConsumedChange> changes, long received) {
		StageListener listener = stageListener;
		for (ConsumedChange consumed : changes) {
			if (consumed.sourceTime() > 0) {
				listener.stage(IndexStage.RECEIVE, Math.max(0, received - consumed.sourceTime()), 1);
			}
		}
		stages.report(listener);
		if (log.isDebugEnabled()) {
			long oldest = changes.stream().mapToLong(ConsumedChange::sourceTime).filter(t -> t > 0).min().orElse(received);
			log.debug("Index '{}' applied {} changes received {} ms after the oldest's source time: {}",
					definition.index(), changes.size(), received - oldest, stages);
		}
	}

	/**
	 * Commits what was applied, with the offsets where it ends: a crash after this loses none of it. Applied
	 * changes are also committed every commit interval on a thread of the store's own.
	 *
	 * @throws RagIndexException (permanent) when the index cannot be committed
	 */
	public void commit() {
		try {
			committer.commit();
		}
		catch (UncheckedIOException ex) {
			throw RagIndexException.permanent("cannot commit the index '" + definition.index() + "': "
					+ ex.getCause().getMessage(), ex.getCause());
		}
	}

	/**
	 * Starts a refresh now rather than at the end of the refresh interval, without waiting for it: what was
	 * applied becomes searchable as soon as the refresh ends.
	 */
	public void requestRefresh() {
		refresher.request();
	}

	private synchronized Committer.Snapshot snapshot() {
		return new Committer.Snapshot(new CommitData(new TreeMap<>(offsets), settings, lastIndexedAt), version);
	}

	/**
	 * The documents of each row (none for a delete), with the vectors of their chunks by row and text hash in
	 * {@code written}.
	 */
	private Map<String, List<Document>> documents(Map<String, IndexChange> rows, StageTimer stages,
			Map<String, Map<String, float[]>> written) throws IOException {
		Map<String, List<Chunk>> chunks = new LinkedHashMap<>();
		Map<String, float[]> vectors = new HashMap<>();
		List<Written> unrefreshed = unrefreshed();
		IndexSearcher searcher = searchers.acquire();
		try {
			for (Map.Entry<String, IndexChange> row : rows.entrySet()) {
				if (row.getValue() instanceof IndexChange.Upsert upsert) {
					chunks.put(row.getKey(), chunker.chunk(upsert.text()));
					storedVectors(unrefreshed, searcher, row.getKey(), vectors);
				}
			}
		}
		finally {
			searchers.release(searcher);
		}
		stages.lap(IndexStage.PREPARE);
		embedMissing(chunks, vectors);
		stages.lap(IndexStage.EMBED);
		Map<String, List<Document>> documents = new LinkedHashMap<>();
		rows.forEach((row, change) -> {
			List<Document> docs = new ArrayList<>();
			Map<String, float[]> rowVectors = new HashMap<>();
			if (change instanceof IndexChange.Upsert upsert) {
				for (Chunk chunk : chunks.get(row)) {
					String hash = ChunkFields.hash(chunk.text());
					rowVectors.put(hash, vectors.get(hash));
					docs.add(ChunkFields.document(upsert.key(), chunk.number(), chunk.text(), vectors.get(hash),
							upsert.metadata()));
				}
			}
			written.put(row, rowVectors);
			documents.put(row, docs);
		});
		return documents;
	}

	/** Batches written but perhaps not in the searcher acquired after this, newest first. */
	private List<Written> unrefreshed() {
		synchronized (pendingLock) {
			List<Written> batches = new ArrayList<>(refreshing);
			batches.addAll(pending);
			return batches.reversed();
		}
	}

	/**
	 * The vectors the row has now, by text hash: from the newest batch not yet refreshed that wrote the row, else
	 * from the searcher (a row it lacks is embedded again, which is slower but gives the same vectors).
	 */
	private static void storedVectors(List<Written> unrefreshed, IndexSearcher searcher, String row,
			Map<String, float[]> vectors) throws IOException {
		for (Written batch : unrefreshed) {
			Map<String, float[]> written = batch.vectors().get(row);
			if (written != null) {
				vectors.putAll(written);
				return;
			}
		}
		TermQuery query = new TermQuery(new Term(ChunkFields.ROW, row));
		int count = searcher.count(query);
		if (count == 0) {
			return;
		}
		StoredFields stored = searcher.storedFields();
		for (ScoreDoc hit : searcher.search(query, count).scoreDocs) {
			Document document = stored.document(hit.doc);
			BytesRef bytes = document.getBinaryValue(ChunkFields.STORED_VECTOR);
			vectors.put(document.get(ChunkFields.HASH), Vectors.fromBytes(bytes.bytes, bytes.offset, bytes.length));
		}
	}

	private void embedMissing(Map<String, List<Chunk>> chunks, Map<String, float[]> vectors) {
		Map<String, String> missing = new LinkedHashMap<>();
		chunks.values().forEach(list -> list.forEach(chunk -> {
			String hash = ChunkFields.hash(chunk.text());
			if (!vectors.containsKey(hash)) {
				missing.putIfAbsent(hash, chunk.text());
			}
		}));
		if (missing.isEmpty()) {
			return;
		}
		List<float[]> embeddings = embedder.embedAll(new ArrayList<>(missing.values()));
		int i = 0;
		for (String hash : missing.keySet()) {
			vectors.put(hash, Vectors.normalised(embeddings.get(i++)));
		}
		embedded.addAndGet(missing.size());
	}

	/**
	 * Searches the chunks searchable now.
	 *
	 * @throws io.streamplane.rag.embed.EmbeddingException when the query cannot be embedded (vector, hybrid)
	 */
	public List<Hit> search(SearchQuery query) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return IndexSearch.run(searcher, query, analyzer, this::embedQuery, MAX_CANDIDATES, vectorCandidates);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private float[] embedQuery(String text) {
		return Vectors.normalised(embedder.embedAll(List.of(text)).getFirst());
	}

	/**
	 * The rows searchable now (key fields and metadata merged, key first), optionally filtered, at most
	 * {@code limit}, in no particular order.
	 */
	public List<Map<String, Object>> rows(Query filter, int limit) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				Query first = new TermQuery(new Term(ChunkFields.FIRST, "1"));
				Query query = filter == null ? first
						: new BooleanQuery.Builder().add(first, Occur.FILTER).add(filter, Occur.FILTER).build();
				StoredFields stored = searcher.storedFields();
				List<Map<String, Object>> rows = new ArrayList<>();
				for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
					Document document = stored.document(hit.doc);
					Map<String, Object> row = new LinkedHashMap<>(ChunkFields.readJson(document.get(ChunkFields.ROW)));
					ChunkFields.readJson(document.get(ChunkFields.METADATA)).forEach(row::putIfAbsent);
					rows.add(row);
				}
				return rows;
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What the index holds now. */
	public IndexStatistics statistics() {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				var reader = searcher.getIndexReader();
				long rows = searcher.count(new TermQuery(new Term(ChunkFields.FIRST, "1")));
				double deleted = reader.maxDoc() == 0 ? 0 : (double) reader.numDeletedDocs() / reader.maxDoc();
				long indexedAt = lastIndexedAt;
				return new IndexStatistics(definition.index(), definition.pipeline(), rows, reader.numDocs(),
						embedder.model(), embedder.dimensions(), indexedAt == 0 ? null : Instant.ofEpochMilli(indexedAt),
						lag, embedded.get(), deleted, reader.leaves().size(), freshness.summary(clock.millis()), warnings);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Measures the freshness of the changes written before a refresh once it has made them searchable. Written
	 * changes join {@link #pending} after their documents, so a refresh never counts a change it does not show
	 * (one that it shows but that joined late counts at the next refresh, a little later than it was).
	 */
	private final class FreshnessListener implements ReferenceManager.RefreshListener {

		@Override
		public void beforeRefresh() {
			synchronized (pendingLock) {
				if (!pending.isEmpty()) {
					refreshing.addAll(pending);
					pending = new ArrayList<>();
				}
			}
		}

		@Override
		public void afterRefresh(boolean didRefresh) {
			List<Written> searchable;
			synchronized (pendingLock) {
				if (refreshing.isEmpty()) {
					return;
				}
				searchable = refreshing;
				refreshing = new ArrayList<>();
			}
			long now = clock.millis();
			long nanos = System.nanoTime();
			LongConsumer listener = freshnessListener;
			StageListener stages = stageListener;
			for (Written written : searchable) {
				stages.stage(IndexStage.REFRESH, (nanos - written.atNanos()) / 1_000_000, written.sourceTimes().length);
				for (long sourceTime : written.sourceTimes()) {
					if (sourceTime > 0) {
						long millis = Math.max(0, now - sourceTime);
						freshness.record(now, millis);
						listener.accept(millis);
					}
				}
			}
		}

	}

	/**
	 * One applied batch: its changes' source times, when it was written ({@link System#nanoTime}) and the vectors
	 * of each row it wrote by text hash (empty for a deleted row), for the next batches until a refresh shows it.
	 */
	private record Written(long[] sourceTimes, long atNanos, Map<String, Map<String, float[]>> vectors) {
	}

	/** Waits until everything applied so far is searchable (tests, and shutdown). */
	public void refresh() {
		try {
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Closes the index without committing, as a crash would: what was applied since the last commit is dropped,
	 * and a store opened again resumes from the last commit's offsets.
	 */
	public void rollback() {
		committer.close();
		refresher.close();
		synchronized (this) {
			rollbackClosed();
		}
	}

	private void rollbackClosed() {
		try {
			searchers.close();
			writer.rollback();
			directory.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Commits and closes the index. */
	@Override
	public void close() {
		committer.close();
		refresher.close();
		commit();
		synchronized (this) {
			closeCommitted();
		}
	}

	private void closeCommitted() {
		try {
			searchers.close();
			writer.close();
			directory.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
