package io.streamplane.rag.embed.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LangChain4jEmbedderTest {

	private static LangChain4jEmbedder embedder;

	@BeforeAll
	static void load() {
		embedder = LangChain4jEmbedder.allMiniLmL6V2();
	}

	@AfterAll
	static void close() {
		embedder.close();
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	@Test
	void shouldEmbedEachTextInOrderAsAUnitVectorOf384Dimensions() {
		List<float[]> vectors = embedder.embedAll(List.of("Bytewax uses Timely Dataflow for execution.",
				"Pathway is reactive incremental Python.", "what is Bytewax?"));

		assertThat(embedder.model()).isEqualTo("all-MiniLM-L6-v2");
		assertThat(vectors).hasSize(3).allSatisfy(vector -> {
			assertThat(vector).hasSize(384);
			assertThat(dot(vector, vector)).isCloseTo(1.0, within(1e-3));
		});
		assertThat(dot(vectors.get(2), vectors.get(0))).isGreaterThan(dot(vectors.get(2), vectors.get(1)));
	}

}
