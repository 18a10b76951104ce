package io.streamplane.benchmarks.index;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.benchmarks.harness.Arguments;
import io.streamplane.rag.index.HnswQuery;

/**
 * Options of {@code run-index.sh} ({@code --name=value}).
 *
 * @param docDirs comma-separated directories of real text (default {@code /usr/share/doc})
 * @param chunkWords most words per chunk
 * @param throughput whether to measure embedding throughput
 * @param throughputChunks chunks embedded per round, spread over the first 20 times as many chunks
 * @param throughputWords most words per chunk of the throughput samples, one sample per value
 * @param rounds rounds per embedder
 * @param batchSize texts per ONNX run of the batched embedder
 * @param threads batches the batched embedder runs at once; 0: one per core
 * @param recall whether to measure HNSW recall
 * @param corpusChunks chunks in the vector index
 * @param queries held-out chunks used as queries
 * @param k neighbours per query
 * @param candidates HNSW candidates each search explores, at least k (default: the product's,
 * {@link HnswQuery#DEFAULT_CANDIDATES}); recall is also measured with k alone
 * @param qualityChunks chunks of the indexed corpus (its first ones) that the int8-quantized model also embeds, to
 * compare its vectors and exact neighbours with the float model's over all held-out queries; 0: no comparison
 * @param hnswM HNSW max connections per node
 * @param hnswBeam HNSW beam width while indexing
 * @param embedMinutes most minutes spent embedding the corpus in this run (0: no limit); with less embedded, recall is
 * measured over what the cache holds and the next run continues
 * @param cacheDir where the embedded corpus is cached between runs
 * @param report where the markdown report goes
 */
record IndexOptions(List<Path> docDirs, int chunkWords, boolean throughput, int throughputChunks, List<Integer> throughputWords, int rounds,
		int batchSize, int threads, boolean recall, int corpusChunks, int queries, int k, int candidates, int qualityChunks, int hnswM,
		int hnswBeam,
		int embedMinutes, Path cacheDir, String report) {

	static IndexOptions parse(String... args) {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("doc-dirs", "/usr/share/doc");
		defaults.put("chunk-words", "80");
		defaults.put("throughput", "true");
		defaults.put("throughput-chunks", "2000");
		defaults.put("throughput-words", "16,80");
		defaults.put("rounds", "3");
		defaults.put("batch-size", "32");
		defaults.put("threads", "0");
		defaults.put("recall", "true");
		defaults.put("corpus-chunks", "100000");
		defaults.put("queries", "1000");
		defaults.put("k", "10");
		defaults.put("candidates", String.valueOf(HnswQuery.DEFAULT_CANDIDATES));
		defaults.put("quality-chunks", "20000");
		defaults.put("hnsw-m", "16");
		defaults.put("hnsw-beam", "100");
		defaults.put("embed-minutes", "0");
		defaults.put("cache-dir", "target/index-bench");
		defaults.put("report", "target/index-results.md");
		Map<String, String> v = Arguments.parse(defaults, args);
		int threads = Integer.parseInt(v.get("threads"));
		return new IndexOptions(Arrays.stream(v.get("doc-dirs").split(",")).map(Path::of).toList(),
				Integer.parseInt(v.get("chunk-words")), Boolean.parseBoolean(v.get("throughput")),
				Integer.parseInt(v.get("throughput-chunks")),
				Arrays.stream(v.get("throughput-words").split(",")).map(Integer::valueOf).toList(),
				Integer.parseInt(v.get("rounds")),
				Integer.parseInt(v.get("batch-size")),
				threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
				Boolean.parseBoolean(v.get("recall")), Integer.parseInt(v.get("corpus-chunks")),
				Integer.parseInt(v.get("queries")), Integer.parseInt(v.get("k")),
				Integer.parseInt(v.get("candidates")), Integer.parseInt(v.get("quality-chunks")),
				Integer.parseInt(v.get("hnsw-m")),
				Integer.parseInt(v.get("hnsw-beam")), Integer.parseInt(v.get("embed-minutes")),
				Path.of(v.get("cache-dir")), v.get("report"));
	}

	/** Chunks of the recall corpus read from the documentation: the indexed ones and the held-out queries. */
	int chunksNeeded() {
		return corpusChunks + queries;
	}

}
