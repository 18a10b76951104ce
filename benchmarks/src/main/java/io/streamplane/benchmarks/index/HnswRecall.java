package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

import io.streamplane.benchmarks.harness.Progress;
import io.streamplane.rag.index.HnswQuery;

/**
 * Recall@k of Lucene's HNSW search against exact brute force ({@link ExactSearch}) over the same vectors, with
 * per-query latency of both on one thread, the index's size on disk and the process's RSS before and after
 * searching. The HNSW query is the product's ({@link HnswQuery}: dot product of unit vectors, exploring
 * {@code max(k, candidates)} candidates), measured with the candidates given, on the segments as flushed while
 * indexing and after merging them into one.
 */
final class HnswRecall {

	static final String FIELD = "vector";

	/** One measurement of HNSW beside brute force. */
	record Result(String layout, int segments, int candidates, double recall, LatencySummary hnsw,
			LatencySummary exact,
			long indexBytes, long vectorBytes, long rssBeforeKb, long rssAfterKb) {
	}

	/** How the index was built. */
	record Build(int maxConn, int beamWidth, double seconds, int documents, int queries) {
	}

	private final float[][] corpus;

	private final float[][] queries;

	private final int k;

	private final int[][] truth;

	private final LatencySummary exactLatency;

	HnswRecall(float[][] corpus, float[][] queries, int k) {
		this.corpus = corpus;
		this.queries = queries;
		this.k = k;
		ExactSearch exact = new ExactSearch(corpus);
		this.truth = new int[queries.length][];
		long[] nanos = new long[queries.length];
		for (int q = 0; q < queries.length; q++) {
			long started = System.nanoTime();
			truth[q] = exact.topK(queries[q], k);
			nanos[q] = System.nanoTime() - started;
		}
		this.exactLatency = LatencySummary.of(nanos);
		Progress.log("Brute force: " + exactLatency);
	}

	Build index(Path directory, int maxConn, int beamWidth) throws IOException {
		IndexWriterConfig config = new IndexWriterConfig().setCodec(codec(maxConn, beamWidth));
		long started = System.nanoTime();
		try (FSDirectory dir = FSDirectory.open(directory); IndexWriter writer = new IndexWriter(dir, config)) {
			for (int id = 0; id < corpus.length; id++) {
				Document document = new Document();
				document.add(new KnnFloatVectorField(FIELD, corpus[id], VectorSimilarityFunction.DOT_PRODUCT));
				document.add(new NumericDocValuesField("id", id));
				writer.addDocument(document);
				if ((id + 1) % 20_000 == 0) {
					Progress.log(String.format("Indexed %,d of %,d vectors", id + 1, corpus.length));
				}
			}
			writer.commit();
		}
		return new Build(maxConn, beamWidth, (System.nanoTime() - started) / 1e9, corpus.length, queries.length);
	}

	void forceMerge(Path directory, int maxConn, int beamWidth) throws IOException {
		try (FSDirectory dir = FSDirectory.open(directory);
				IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setCodec(codec(maxConn, beamWidth)))) {
			writer.forceMerge(1);
			writer.commit();
		}
	}

	Result measure(Path directory, String layout, int candidates) throws IOException {
		long rssBefore = Rss.kilobytes();
		try (FSDirectory dir = FSDirectory.open(directory); DirectoryReader reader = DirectoryReader.open(dir)) {
			IndexSearcher searcher = new IndexSearcher(reader);
			for (int warm = 0; warm < Math.min(200, queries.length); warm++) {
				searcher.search(HnswQuery.of(FIELD, queries[warm], k, candidates, null), k);
			}
			long[] nanos = new long[queries.length];
			double found = 0;
			for (int q = 0; q < queries.length; q++) {
				long started = System.nanoTime();
				ScoreDoc[] hits = searcher.search(HnswQuery.of(FIELD, queries[q], k, candidates, null), k).scoreDocs;
				nanos[q] = System.nanoTime() - started;
				found += overlap(ids(reader, hits), truth[q]);
			}
			Result result = new Result(layout, reader.leaves().size(), Math.max(k, candidates),
					found / ((double) queries.length * k),
					LatencySummary.of(nanos), exactLatency, size(directory, ""), size(directory, ".vec"), rssBefore,
					Rss.kilobytes());
			Progress.log(String.format("HNSW %s (%d segments), %d candidates: recall@%d %.4f, %s", layout,
					result.segments(), result.candidates(), k, result.recall(), result.hnsw()));
			return result;
		}
	}

	private static Lucene104Codec codec(int maxConn, int beamWidth) {
		KnnVectorsFormat format = new Lucene99HnswVectorsFormat(maxConn, beamWidth);
		return new Lucene104Codec() {
			@Override
			public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
				return format;
			}
		};
	}

	private static int[] ids(DirectoryReader reader, ScoreDoc[] hits) throws IOException {
		int[] ids = new int[hits.length];
		for (int i = 0; i < hits.length; i++) {
			LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(hits[i].doc, reader.leaves()));
			NumericDocValues values = leaf.reader().getNumericDocValues("id");
			values.advanceExact(hits[i].doc - leaf.docBase);
			ids[i] = (int) values.longValue();
		}
		return ids;
	}

	static int overlap(int[] found, int[] expected) {
		int[] sorted = expected.clone();
		Arrays.sort(sorted);
		int common = 0;
		for (int id : found) {
			if (Arrays.binarySearch(sorted, id) >= 0) {
				common++;
			}
		}
		return common;
	}

	private static long size(Path directory, String suffix) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> file.toString().endsWith(suffix)).mapToLong(file -> {
				try {
					return Files.size(file);
				}
				catch (IOException ex) {
					return 0;
				}
			}).sum();
		}
	}

}
