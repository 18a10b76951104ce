package io.streamplane.benchmarks.index;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.streamplane.benchmarks.harness.ReportTables;
import io.streamplane.rag.index.HnswQuery;

/** The markdown report of {@link IndexBenchmark}. */
final class IndexReport {

	private final IndexOptions options;

	private final String machineBefore = ReportTables.machine();

	private final StringBuilder body = new StringBuilder();

	IndexReport(IndexOptions options) {
		this.options = options;
	}

	void corpus(List<String> chunks) {
		body.append("### Lucene HNSW vs exact brute force\n\n");
		body.append("Corpus: ").append(describe(chunks, options.chunkWords())).append(".\n\n");
	}

	void throughput(int maxWords, List<String> sample, List<EmbeddingThroughput.Runs> runs) {
		body.append("### Embedding throughput, chunks of up to ").append(maxWords).append(" words\n\n");
		body.append(String.format("all-MiniLM-L6-v2, the same %s, spread over the first %,d, embedded by each "
				+ "embedder in the same JVM, rounds alternating; %d rounds after one warm-up each.%n%n",
				describe(sample, maxWords), options.throughputChunks() * 20, options.rounds()));
		body.append("| Embedder | chunks/s (median) | rounds, chunks/s |\n|---|---:|---|\n");
		for (EmbeddingThroughput.Runs run : runs) {
			body.append("| ").append(run.variant()).append(" | ").append(ReportTables.rate(run.median())).append(" | ")
				.append(String.join(", ", run.chunksPerSecond().stream().map(ReportTables::rate).toList()))
				.append(" |\n");
		}
		body.append(String.format("%nBatched / LangChain4j: **%.2f×**; batched quantized / LangChain4j: **%.2f×**; "
				+ "quantized / float, both batched: %.2f× (medians).%n%n", runs.get(0).median() / runs.get(1).median(),
				runs.get(2).median() / runs.get(1).median(), runs.get(2).median() / runs.get(0).median()));
	}

	void split(int corpus, int queries, int wanted) {
		if (corpus + queries < wanted + options.queries()) {
			body.append(String.format("**Partial:** %,d chunks embedded so far (the embedding budget of this run ran "
					+ "out); the target is %,d indexed + %,d queries. Run again to continue from the cache.%n%n",
					corpus + queries, wanted, options.queries()));
		}
	}

	void build(HnswRecall.Build build) {
		body.append(String.format("Indexed %,d vectors of 384 dimensions (dot product of unit vectors, Lucene99 HNSW "
				+ "M=%d, beam width %d, float32) in %.1f s (%,.0f vectors/s, one thread). Queries: %,d held-out chunks "
				+ "(spread over the corpus, not in the index), k=%d, one thread; exact search scores every vector with Lucene's VectorUtil.%n%n",
				build.documents(), build.maxConn(), build.beamWidth(), build.seconds(), build.documents() / build.seconds(),
				build.queries(), options.k()));
	}

	void recall(List<HnswRecall.Result> results, int indexed) {
		body.append("| Index | segments | HNSW candidates | recall@").append(options.k())
			.append(" | HNSW p50 | HNSW p99 | HNSW QPS | brute force p50 | brute force p99 | brute force QPS |\n")
			.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (HnswRecall.Result r : results) {
			body.append(String.format("| %s | %d | %d%s | %.4f | %.2f ms | %.2f ms | %,.0f | %.2f ms | %.2f ms | %,.0f |%n",
					r.layout(), r.segments(), r.candidates(),
					r.candidates() == HnswQuery.DEFAULT_CANDIDATES ? " (product default)"
							: r.candidates() == options.k() ? " (k alone)" : "",
					r.recall(), r.hnsw().p50Millis(), r.hnsw().p99Millis(),
					r.hnsw().queriesPerSecond(), r.exact().p50Millis(), r.exact().p99Millis(),
					r.exact().queriesPerSecond()));
		}
		body.append('\n');
		double per100k = 100_000.0 / indexed;
		for (HnswRecall.Result r : results.stream().filter(r -> r.candidates() == results.get(0).candidates()).toList()) {
			body.append(String.format("Memory, %s: index %,.1f MiB on disk per 100k chunks (vectors %,.1f MiB, graph "
					+ "and metadata %,.1f MiB); process RSS %,d MiB before opening the index, %,d MiB after the "
					+ "queries (+%,d MiB, the index pages the search touched).%n%n", r.layout(),
					r.indexBytes() * per100k / (1 << 20), r.vectorBytes() * per100k / (1 << 20),
					(r.indexBytes() - r.vectorBytes()) * per100k / (1 << 20), r.rssBeforeKb() / 1024,
					r.rssAfterKb() / 1024, (r.rssAfterKb() - r.rssBeforeKb()) / 1024));
		}
	}

	void quality(QuantizedQuality.Result quality) {
		body.append("### Int8-quantized model vs float model, same chunks\n\n");
		body.append(String.format("all-MiniLM-L6-v2-q against all-MiniLM-L6-v2 on the first %,d indexed chunks and "
				+ "the %,d held-out queries: cosine between the two vectors of each text, mean **%.4f** (1st "
				+ "percentile %.4f, lowest %.4f); overlap@%d of the exact nearest neighbours each model finds for the "
				+ "same queries (each model's query vector among that model's vectors of those chunks): **%.4f**.%n%n",
				quality.corpus(), quality.queries(), quality.meanCosine(), quality.p1Cosine(), quality.minCosine(),
				quality.k(), quality.overlap()));
	}

	private String describe(List<String> chunks, int maxWords) {
		long words = chunks.stream().mapToLong(chunk -> chunk.split(" ").length).sum();
		return String.format("%,d distinct chunks of up to %d words (%.1f on average) from the text files under %s",
				chunks.size(), maxWords, (double) words / chunks.size(), options.docDirs());
	}

	String render(Duration took) {
		return "## Vector index benchmark, "
				+ ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
				+ "\n\n" + machineBefore + " (at the start)\n\n" + ReportTables.machine() + " (at the end)\n\n" + body
				+ String.format("Took %d min %d s. Options: %s%n", took.toMinutes(), took.toSecondsPart(), options);
	}

}
