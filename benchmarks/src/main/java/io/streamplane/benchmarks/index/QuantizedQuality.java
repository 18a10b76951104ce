package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.util.VectorUtil;

import io.streamplane.benchmarks.harness.Progress;
import io.streamplane.rag.embed.Embedder;

/**
 * How close the int8-quantized model's vectors are to the float model's on the same chunks: the cosine between the
 * two vectors of each text (queries and corpus), and overlap@k between the exact nearest neighbours each model
 * finds for the same held-out queries in the same corpus (float query in the float corpus, quantized query in the
 * quantized corpus). The quantized vectors are cached like the float ones ({@link CorpusVectors}).
 */
final class QuantizedQuality {

	/** The comparison over {@code corpus} chunks and {@code queries} queries. */
	record Result(int corpus, int queries, int k, double meanCosine, double p1Cosine, double minCosine,
			double overlap) {
	}

	private QuantizedQuality() {
	}

	static Result measure(List<String> queryTexts, List<float[]> floatQueries, List<String> corpusTexts,
			List<float[]> floatCorpus, int k, Embedder quantized, Path cacheDir, String key) throws IOException {
		List<String> texts = new ArrayList<>(queryTexts);
		texts.addAll(corpusTexts);
		List<float[]> vectors = CorpusVectors.load(texts, quantized, cacheDir, key, Long.MAX_VALUE);
		List<float[]> quantizedQueries = vectors.subList(0, queryTexts.size());
		List<float[]> quantizedCorpus = vectors.subList(queryTexts.size(), vectors.size());
		double[] cosines = new double[texts.size()];
		for (int i = 0; i < queryTexts.size(); i++) {
			cosines[i] = VectorUtil.dotProduct(floatQueries.get(i), quantizedQueries.get(i));
		}
		for (int i = 0; i < corpusTexts.size(); i++) {
			cosines[queryTexts.size() + i] = VectorUtil.dotProduct(floatCorpus.get(i), quantizedCorpus.get(i));
		}
		ExactSearch floatSearch = new ExactSearch(floatCorpus.toArray(float[][]::new));
		ExactSearch quantizedSearch = new ExactSearch(quantizedCorpus.toArray(float[][]::new));
		double common = 0;
		for (int q = 0; q < queryTexts.size(); q++) {
			common += HnswRecall.overlap(quantizedSearch.topK(quantizedQueries.get(q), k),
					floatSearch.topK(floatQueries.get(q), k));
		}
		double[] sorted = cosines.clone();
		Arrays.sort(sorted);
		Result result = new Result(corpusTexts.size(), queryTexts.size(), k, Arrays.stream(cosines).average().orElse(0),
				sorted[(int) (sorted.length * 0.01)], sorted[0], common / ((double) queryTexts.size() * k));
		Progress.log(String.format("Quantized vs float: mean cosine %.4f (p1 %.4f, min %.4f), overlap@%d %.4f",
				result.meanCosine(), result.p1Cosine(), result.minCosine(), k, result.overlap()));
		return result;
	}

}
