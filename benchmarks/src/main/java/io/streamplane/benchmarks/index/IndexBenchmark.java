package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.streamplane.benchmarks.harness.Progress;
import io.streamplane.rag.embed.internal.OnnxEmbedder;

/**
 * The vector-index benchmark: (a) embedding throughput of the batched in-process embedder beside LangChain4j's
 * default, same chunks, same run; (b) recall@k, latency and QPS of Lucene HNSW beside exact brute force over a
 * corpus of real documentation chunks, with the index's size and the process's RSS. Prints a markdown report.
 * <p>
 * Run it with {@code benchmarks/run-index.sh [--name=value ...]}; see {@link IndexOptions}.
 */
public final class IndexBenchmark {

	private IndexBenchmark() {
	}

	/**
	 * Runs the benchmark and writes the report to stdout and {@link IndexOptions#report()}.
	 *
	 * @param args {@code --name=value} options, see {@link IndexOptions}
	 */
	public static void main(String[] args) throws IOException {
		IndexOptions options = IndexOptions.parse(args);
		long started = System.nanoTime();
		IndexReport report = new IndexReport(options);
		if (options.throughput()) {
			for (int words : options.throughputWords()) {
				List<String> sample = spread(
						DocCorpus.chunks(options.docDirs(), options.throughputChunks() * 20, words),
						options.throughputChunks());
				report.throughput(words, sample, EmbeddingThroughput.measure(sample, options.rounds(),
						options.batchSize(), options.threads()));
			}
		}
		if (options.recall()) {
			Progress.log("Reading " + options.chunksNeeded() + " chunks from " + options.docDirs());
			List<String> chunks = DocCorpus.chunks(options.docDirs(), options.chunksNeeded(), options.chunkWords());
			report.corpus(chunks);
			recall(options, chunks, report);
		}
		Progress.publish(report.render(Duration.ofNanos(System.nanoTime() - started)), options.report());
	}

	private static void recall(IndexOptions options, List<String> chunks, IndexReport report) throws IOException {
		float[][] vectors;
		try (OnnxEmbedder embedder = OnnxEmbedder.allMiniLmL6V2(options.batchSize(), options.threads())) {
			vectors = CorpusVectors.load(chunks.subList(0, options.corpusChunks() + options.queries()), embedder,
					options.cacheDir());
		}
		float[][] corpus = Arrays.copyOfRange(vectors, 0, options.corpusChunks());
		float[][] queries = Arrays.copyOfRange(vectors, options.corpusChunks(), vectors.length);
		HnswRecall recall = new HnswRecall(corpus, queries, options.k());
		Path directory = Files.createTempDirectory(ensure(options.cacheDir()), "lucene-");
		try {
			report.build(recall.index(directory, options.hnswM(), options.hnswBeam()));
			List<HnswRecall.Result> results = new ArrayList<>();
			results.add(recall.measure(directory, "as flushed"));
			recall.forceMerge(directory, options.hnswM(), options.hnswBeam());
			results.add(recall.measure(directory, "force-merged"));
			report.recall(results);
		}
		finally {
			delete(directory);
		}
	}

	/** {@code count} chunks evenly spread over all of them, so the sample mixes every kind of document. */
	static List<String> spread(List<String> chunks, int count) {
		if (count >= chunks.size()) {
			return chunks;
		}
		double step = (double) chunks.size() / count;
		return IntStream.range(0, count).mapToObj(i -> chunks.get((int) (i * step))).toList();
	}

	private static Path ensure(Path directory) throws IOException {
		return Files.createDirectories(directory);
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
