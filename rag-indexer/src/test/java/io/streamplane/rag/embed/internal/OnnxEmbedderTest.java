package io.streamplane.rag.embed.internal;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OnnxEmbedderTest {

	private static final List<String> TEXTS = List.of("exactly once",
			"Kafka Streams commits the consumed offsets and the state store changes in one transaction.",
			"Hello, wörld! Ünïcödé, emoji 🚀 and CJK 流处理 in one chunk.",
			"The rag-indexer consumes index topics, chunks rows, embeds chunks and writes them to Lucene. "
					.repeat(3),
			"a", "   leading and trailing whitespace   ",
			"long text " + "PostgreSQL change data capture feeds the vector index with every committed row. "
					.repeat(40),
			"SELECT * FROM documents WHERE category = 'streaming' AND updated_at > now() - interval '1 day';");

	private static OnnxEmbedder batched;

	private static AllMiniLmL6V2EmbeddingModel langChain4j;

	@BeforeAll
	static void loadModels() {
		batched = OnnxEmbedder.allMiniLmL6V2(4, 2);
		langChain4j = new AllMiniLmL6V2EmbeddingModel();
	}

	@AfterAll
	static void closeModel() {
		batched.close();
	}

	@Test
	void shouldEmbedAsLangChain4jDoesWhenTextsOfDifferentLengthsSharePaddedBatches() {
		List<float[]> ours = batched.embedAll(TEXTS);
		List<Embedding> theirs = langChain4j.embedAll(TEXTS.stream().map(TextSegment::from).toList()).content();

		assertThat(ours).hasSize(TEXTS.size());
		for (int i = 0; i < TEXTS.size(); i++) {
			assertThat(cosine(ours.get(i), theirs.get(i).vector())).as("cosine of text %d", i).isGreaterThan(0.999);
		}
	}

	@Test
	void shouldReadNoWordPastTheWindowItReports() {
		String window = "streaming ".repeat(batched.maxInputTokens() - 2);

		assertThat(batched.maxInputTokens()).isEqualTo(128);
		assertThat(batched.countTokens(List.of(window + "exactly once, joins and windows ".repeat(20))))
			.isEqualTo(batched.maxInputTokens() - 2);
		assertThat(cosine(batched.embedAll(List.of(window)).getFirst(),
				batched.embedAll(List.of(window + "exactly once, joins and windows")).getFirst()))
			.isGreaterThan(0.99999);
		assertThat(cosine(batched.embedAll(List.of(window.substring(10))).getFirst(),
				batched.embedAll(List.of(window.substring(10) + "exactly")).getFirst()))
			.as("the last word inside the window changes the vector")
			.isLessThan(0.99999);
		try (OnnxEmbedder quantized = OnnxEmbedder.allMiniLmL6V2Quantized(1, 1)) {
			assertThat(quantized.countTokens(List.of(window + window))).isEqualTo(quantized.maxInputTokens() - 2);
		}
	}

	@Test
	void shouldReturnTheSameVectorsWhateverTheBatchSize() {
		try (OnnxEmbedder oneByOne = OnnxEmbedder.allMiniLmL6V2(1, 1)) {
			List<float[]> single = oneByOne.embedAll(TEXTS);
			List<float[]> batchedVectors = batched.embedAll(TEXTS);
			for (int i = 0; i < TEXTS.size(); i++) {
				assertThat(cosine(single.get(i), batchedVectors.get(i))).as("text %d", i).isGreaterThan(0.9999);
			}
		}
	}

	@Test
	void shouldReturnUnitVectorsOfTheModelsDimensionsInInputOrder() {
		List<String> texts = new ArrayList<>(TEXTS);
		texts.add("");
		List<float[]> vectors = batched.embedAll(texts);

		assertThat(batched.model()).isEqualTo("all-MiniLM-L6-v2");
		assertThat(vectors).allSatisfy(vector -> {
			assertThat(vector).hasSize(384);
			assertThat(cosine(vector, vector)).isCloseTo(1.0, within(1e-5));
		});
		assertThat(cosine(vectors.get(0), batched.embedAll(List.of(texts.get(0))).get(0))).isGreaterThan(0.9999);
		assertThat(batched.embedAll(List.of())).isEmpty();
	}

	@Test
	void shouldSpreadTextsOverTwoBatchesPerThreadAndCapBatchesAtTheBatchSize() {
		assertThat(batched.rowsPerBatch(1)).isEqualTo(1);
		assertThat(batched.rowsPerBatch(3)).isEqualTo(2);
		assertThat(batched.rowsPerBatch(5)).isEqualTo(3);
		assertThat(batched.rowsPerBatch(8)).isEqualTo(2);
		assertThat(batched.rowsPerBatch(9)).isEqualTo(3);
		assertThat(batched.rowsPerBatch(16)).isEqualTo(4);
		assertThat(batched.rowsPerBatch(100)).isEqualTo(4);
	}

	@Test
	void shouldKeepEachRunWithinItsTokenBudget() {
		try (OnnxEmbedder wide = OnnxEmbedder.allMiniLmL6V2(32, 2)) {
			assertThat(wide.rowsPerRun(128, 500)).as("paragraphs").isEqualTo(OnnxEmbedder.RUN_TOKENS / 128);
			assertThat(wide.rowsPerRun(23, 500)).as("sentences").isEqualTo(OnnxEmbedder.RUN_TOKENS / 23);
			assertThat(wide.rowsPerRun(4, 500)).as("words: the batch size").isEqualTo(32);
			assertThat(wide.rowsPerRun(23, 3)).as("few texts: spread over the threads").isEqualTo(2);
			assertThat(wide.rowsPerRun(OnnxEmbedder.RUN_TOKENS + 1, 500)).as("one row at least").isEqualTo(1);
		}
	}

	@Test
	void shouldPlaceRelatedTextsCloserThanUnrelatedOnes() {
		List<float[]> vectors = batched.embedAll(
				List.of("How do I reset my password?", "I forgot my password, how can I change it?",
						"The cat sat on the warm windowsill."));

		assertThat(cosine(vectors.get(0), vectors.get(1))).isGreaterThan(cosine(vectors.get(0), vectors.get(2)) + 0.3);
	}

	static double cosine(float[] a, float[] b) {
		double dot = 0;
		double normA = 0;
		double normB = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			normA += a[i] * a[i];
			normB += b[i] * b[i];
		}
		return dot / Math.sqrt(normA * normB);
	}

}
