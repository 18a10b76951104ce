package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.streamplane.rag.index.HnswQuery;

import static org.assertj.core.api.Assertions.assertThat;

class HnswRecallTest {

	@TempDir
	Path directory;

	@Test
	void shouldFindTheExactNearestNeighboursClosestFirst() {
		float[][] vectors = { unit(1, 0), unit(0, 1), unit(1, 1), unit(-1, 0) };

		assertThat(new ExactSearch(vectors).topK(unit(1, 0.1f), 3)).containsExactly(0, 2, 1);
	}

	@Test
	void shouldCountTheOverlapOfTwoTopKLists() {
		assertThat(HnswRecall.overlap(new int[] { 5, 1, 9 }, new int[] { 9, 2, 5 })).isEqualTo(2);
	}

	@Test
	void shouldMeasureFullRecallOnASmallIndexWhereHnswIsExact() throws IOException {
		Random random = new Random(7);
		float[][] corpus = new float[500][];
		for (int i = 0; i < corpus.length; i++) {
			corpus[i] = randomUnit(random, 16);
		}
		float[][] queries = { randomUnit(random, 16), randomUnit(random, 16) };
		HnswRecall recall = new HnswRecall(corpus, queries, 5);

		recall.index(directory, 16, 100);
		HnswRecall.Result result = recall.measure(directory, "as flushed", HnswQuery.DEFAULT_CANDIDATES);

		assertThat(result.recall()).isEqualTo(1.0);
		assertThat(result.indexBytes()).isGreaterThan(result.vectorBytes()).isGreaterThan(500L * 16 * 4);
	}

	@Test
	void shouldSpreadASampleOverAllChunks() {
		assertThat(IndexBenchmark.spread(List.of("a", "b", "c", "d", "e", "f"), 3)).containsExactly("a", "c", "e");
		assertThat(IndexBenchmark.spread(List.of("a", "b"), 3)).containsExactly("a", "b");
	}

	private static float[] unit(float x, float y) {
		float norm = (float) Math.sqrt(x * x + y * y);
		return new float[] { x / norm, y / norm };
	}

	private static float[] randomUnit(Random random, int dimensions) {
		float[] vector = new float[dimensions];
		double squares = 0;
		for (int d = 0; d < dimensions; d++) {
			vector[d] = (float) random.nextGaussian();
			squares += vector[d] * vector[d];
		}
		for (int d = 0; d < dimensions; d++) {
			vector[d] /= (float) Math.sqrt(squares);
		}
		return vector;
	}

}
