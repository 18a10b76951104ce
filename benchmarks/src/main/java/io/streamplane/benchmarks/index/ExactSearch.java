package io.streamplane.benchmarks.index;

import java.util.PriorityQueue;

import org.apache.lucene.util.VectorUtil;

/**
 * Exact nearest neighbours by brute force: the dot product (cosine of unit vectors) with every vector, computed
 * by Lucene's {@link VectorUtil} (SIMD when the JDK's vector module is present, as for the HNSW search).
 */
final class ExactSearch {

	private final float[][] vectors;

	ExactSearch(float[][] vectors) {
		this.vectors = vectors;
	}

	/** The ids (positions) of the {@code k} vectors closest to {@code query}, closest first. */
	int[] topK(float[] query, int k) {
		PriorityQueue<long[]> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(score(a), score(b)));
		for (int id = 0; id < vectors.length; id++) {
			float score = VectorUtil.dotProduct(query, vectors[id]);
			if (best.size() < k || score > score(best.peek())) {
				best.add(new long[] { Float.floatToIntBits(score), id });
				if (best.size() > k) {
					best.poll();
				}
			}
		}
		int[] ids = new int[best.size()];
		for (int i = ids.length - 1; i >= 0; i--) {
			ids[i] = (int) best.poll()[1];
		}
		return ids;
	}

	private static float score(long[] entry) {
		return Float.intBitsToFloat((int) entry[0]);
	}

}
