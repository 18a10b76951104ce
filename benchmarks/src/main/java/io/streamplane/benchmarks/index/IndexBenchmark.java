package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.streamplane.benchmarks.harness.Progress;
import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.embed.EmbeddingProperties;
import io.streamplane.rag.embed.Embedders;

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
			recall(options, chunks, report, started);
		}
		Progress.publish(report.render(Duration.ofNanos(System.nanoTime() - started)), options.report());
	}

	private static void recall(IndexOptions options, List<String> chunks, IndexReport report, long started)
			throws IOException {
		List<float[]> vectors;
		long deadline = options.embedMinutes() > 0 ? started + options.embedMinutes() * 60_000_000_000L : Long.MAX_VALUE;
		try (Embedder embedder = Embedders.create(inProcess(options.batchSize(), options.threads()))) {
			vectors = CorpusVectors.load(chunks, embedder, options.cacheDir(),
					"w" + options.chunkWords() + "-" + embedder.model(), deadline);
		}
		int queryCount = Math.min(options.queries(), vectors.size() / 10);
		int step = vectors.size() / queryCount;
		List<float[]> corpus = new ArrayList<>(vectors.size());
		List<float[]> queries = new ArrayList<>(queryCount);
		List<String> corpusTexts = new ArrayList<>(vectors.size());
		List<String> queryTexts = new ArrayList<>(queryCount);
		for (int i = 0; i < vectors.size(); i++) {
			boolean query = i % step == step / 2 && queries.size() < queryCount;
			(query ? queries : corpus).add(vectors.get(i));
			(query ? queryTexts : corpusTexts).add(chunks.get(i));
		}
		report.split(corpus.size(), queries.size(), options.corpusChunks());
		HnswRecall recall = new HnswRecall(corpus.toArray(float[][]::new), queries.toArray(float[][]::new),
				options.k());
		Path directory = Files.createTempDirectory(Files.createDirectories(options.cacheDir()), "lucene-");
		try {
			report.build(recall.index(directory, options.hnswM(), options.hnswBeam()));
			List<HnswRecall.Result> results = new ArrayList<>();
			measure(recall, directory, "as flushed", options, results);
			recall.forceMerge(directory, options.hnswM(), options.hnswBeam());
			measure(recall, directory, "force-merged", options, results);
			report.recall(results, corpus.size());
		}
		finally {
			delete(directory);
		}
		if (options.qualityChunks() > 0) {
			int prefix = Math.min(options.qualityChunks(), corpus.size());
			try (Embedder quantized = Embedders.create(inProcess(options.batchSize(), options.threads()).withModel(QUANTIZED))) {
				report.quality(QuantizedQuality.measure(queryTexts, queries, corpusTexts.subList(0, prefix),
						corpus.subList(0, prefix), options.k(), quantized, options.cacheDir(),
						"w" + options.chunkWords() + "-" + quantized.model() + "-quality"));
			}
		}
	}

	/** Recall with the candidates the options name (the product's default unless given) and with k alone. */
	private static void measure(HnswRecall recall, Path directory, String layout, IndexOptions options,
			List<HnswRecall.Result> results) throws IOException {
		results.add(recall.measure(directory, layout, options.candidates()));
		if (options.candidates() > options.k()) {
			results.add(recall.measure(directory, layout, options.k()));
		}
	}

	/** The configuration name of the int8-quantized in-process model. */
	static final String QUANTIZED = EmbeddingProperties.InProcessModel.ALL_MINILM_L6_V2_Q.configName();

	/** The in-process embedder's configuration with this batch size and number of threads. */
	static EmbeddingProperties inProcess(int batchSize, int threads) {
		return EmbeddingProperties.defaults().withBatchSize(batchSize).withThreads(threads);
	}

	/** {@code count} chunks evenly spread over all of them, so the sample mixes every kind of document. */
	static List<String> spread(List<String> chunks, int count) {
		if (count >= chunks.size()) {
			return chunks;
		}
		double step = (double) chunks.size() / count;
		return IntStream.range(0, count).mapToObj(i -> chunks.get((int) (i * step))).toList();
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
