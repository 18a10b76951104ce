package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

import io.streamplane.rag.index.HnswQuery;

/**
 * What Lucene's HNSW costs in this JVM: indexing random unit vectors of 384 dimensions (segments of 16 MB of
 * buffered documents), force-merging them into one segment, and k=10 searches exploring 100 candidates. Run it with
 * and without {@code --add-modules jdk.incubator.vector} to see what Lucene's SIMD dot products are worth (the
 * module is on in {@code bin/streamplane} and the container image; docs/benchmarks.md, session 17):
 *
 * <pre>
 * cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
 * java -cp "$cp" io.streamplane.benchmarks.index.HnswBuildCost 50000 2000
 * java --add-modules jdk.incubator.vector -cp "$cp" io.streamplane.benchmarks.index.HnswBuildCost 50000 2000
 * </pre>
 */
public final class HnswBuildCost {

	private static final int DIMENSIONS = 384;

	private static final int WARM_UP_QUERIES = 200;

	private HnswBuildCost() {
	}

	public static void main(String[] args) throws IOException {
		int vectors = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
		int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
		Random random = new Random(42);
		Path dir = Files.createTempDirectory("hnsw-build-cost");
		try (Directory directory = FSDirectory.open(dir);
				IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(16))) {
			long start = System.nanoTime();
			for (int i = 0; i < vectors; i++) {
				Document document = new Document();
				document.add(new KnnFloatVectorField("v", unitVector(random), VectorSimilarityFunction.DOT_PRODUCT));
				writer.addDocument(document);
			}
			writer.commit();
			long indexed = System.nanoTime();
			int segments;
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				segments = reader.leaves().size();
			}
			writer.forceMerge(1);
			writer.commit();
			long merged = System.nanoTime();
			double perQuery;
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				for (int i = 0; i < WARM_UP_QUERIES; i++) {
					searcher.search(new KnnFloatVectorQuery("v", unitVector(random), HnswQuery.DEFAULT_CANDIDATES), 10);
				}
				long searching = System.nanoTime();
				for (int i = 0; i < queries; i++) {
					searcher.search(new KnnFloatVectorQuery("v", unitVector(random), HnswQuery.DEFAULT_CANDIDATES), 10);
				}
				perQuery = (System.nanoTime() - searching) / 1e6 / queries;
			}
			System.out.printf("Vector API %s: %,d vectors indexed in %.1f s (%d segments), force-merged in %.1f s; "
					+ "%.3f ms per search%n", ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "on" : "off",
					vectors, (indexed - start) / 1e9, segments, (merged - indexed) / 1e9, perQuery);
		}
		finally {
			IOUtils.rm(dir);
		}
	}

	private static float[] unitVector(Random random) {
		float[] vector = new float[DIMENSIONS];
		double norm = 0;
		for (int i = 0; i < vector.length; i++) {
			vector[i] = (float) random.nextGaussian();
			norm += vector[i] * vector[i];
		}
		for (int i = 0; i < vector.length; i++) {
			vector[i] /= (float) Math.sqrt(norm);
		}
		return vector;
	}

}
