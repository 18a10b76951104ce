package io.streamplane.rag.embed.internal;

import java.nio.FloatBuffer;

/**
 * Sentence vectors from a batch's last hidden state ({@code [rows, length, dimensions]}, row-major): the mean of
 * each row's token vectors over its attention mask, L2-normalised, as sentence-transformers pools
 * all-MiniLM-L6-v2.
 */
final class MeanPooling {

	private MeanPooling() {
	}

	static float[][] pool(FloatBuffer hidden, TokenizedBatch batch, int dimensions) {
		float[][] vectors = new float[batch.rows()][];
		float[] token = new float[dimensions];
		for (int row = 0; row < batch.rows(); row++) {
			float[] sum = new float[dimensions];
			int count = 0;
			for (int position = 0; position < batch.length(); position++) {
				if (!batch.isToken(row, position)) {
					continue;
				}
				hidden.get(((row * batch.length()) + position) * dimensions, token);
				for (int d = 0; d < dimensions; d++) {
					sum[d] += token[d];
				}
				count++;
			}
			for (int d = 0; d < dimensions; d++) {
				sum[d] /= count;
			}
			vectors[row] = normalize(sum);
		}
		return vectors;
	}

	static float[] normalize(float[] vector) {
		double squares = 0;
		for (float v : vector) {
			squares += v * v;
		}
		float norm = (float) Math.sqrt(squares);
		if (norm > 0) {
			for (int d = 0; d < vector.length; d++) {
				vector[d] /= norm;
			}
		}
		return vector;
	}

}
