package io.streamplane.rag.embed;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.streamplane.rag.embed.EmbeddingProperties.Provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EmbeddersTest {

	@Test
	void shouldCreateTheInProcessModelByDefault() {
		try (Embedder embedder = Embedders.create(EmbeddingProperties.defaults())) {
			assertThat(embedder.model()).isEqualTo("all-MiniLM-L6-v2");
			assertThat(embedder.dimensions()).isEqualTo(384);
			assertThat(embedder.embedAll(List.of("hello"))).singleElement().satisfies(v -> assertThat(v).hasSize(384));
		}
	}

	@Test
	void shouldCreateTheQuantizedModelUnderItsOwnNameWithVectorsCloseToTheFloatModels() {
		List<String> texts = List.of("exactly once", "Kafka Streams commits offsets and state in one transaction.");
		try (Embedder quantized = Embedders.create(EmbeddingProperties.defaults().withModel("all-minilm-l6-v2-q"));
				Embedder float32 = Embedders.create(EmbeddingProperties.defaults().withModel("all-MiniLM-L6-v2"))) {
			assertThat(quantized.model()).as("another name, so an index rebuilds when it changes")
				.isEqualTo("all-MiniLM-L6-v2-q")
				.isNotEqualTo(float32.model());
			assertThat(quantized.dimensions()).isEqualTo(384);
			List<float[]> q = quantized.embedAll(texts);
			List<float[]> f = float32.embedAll(texts);
			for (int i = 0; i < texts.size(); i++) {
				double cosine = 0;
				for (int d = 0; d < 384; d++) {
					cosine += q.get(i)[d] * f.get(i)[d];
				}
				assertThat(cosine).as("cosine of text %d", i).isGreaterThan(0.9).isLessThan(0.99999);
			}
		}
	}

	@Test
	void shouldNameTheAllowedModelsWhenTheInProcessModelIsUnknown() {
		EmbeddingProperties unknown = EmbeddingProperties.defaults().withModel("all-mpnet-base-v2");

		EmbeddingException failure = catchThrowableOfType(EmbeddingException.class, () -> Embedders.create(unknown));

		assertThat(failure.isRetriable()).isFalse();
		assertThat(failure.getMessage()).contains("streamplane.rag-indexer.embedding.model is all-mpnet-base-v2; "
				+ "provider in-process allows all-minilm-l6-v2, all-minilm-l6-v2-q (unset: all-minilm-l6-v2)");
	}

	@Test
	void shouldCreateAnOpenAiEmbedderWithoutContactingTheService() {
		try (Embedder embedder = Embedders.create(
				EmbeddingProperties.openAi(URI.create("http://127.0.0.1:9/v1"), "text-embedding-3-small", 1536, "k"))) {
			assertThat(embedder.model()).isEqualTo("text-embedding-3-small");
			assertThat(embedder.dimensions()).isEqualTo(1536);
		}
	}

	@Test
	void shouldListEveryProblemOfAnInvalidConfigurationAtOnce() {
		EmbeddingProperties invalid = new EmbeddingProperties(Provider.OPENAI, 0, -1, URI.create("relative/path"),
				" ", null, "secret-key", Duration.ZERO);

		EmbeddingException failure = catchThrowableOfType(EmbeddingException.class, () -> Embedders.create(invalid));

		assertThat(failure.isRetriable()).isFalse();
		assertThat(failure.getMessage()).contains("embedding.batch-size is 0", "embedding.threads is -1",
				"embedding.timeout is PT0S", "embedding.base-url is relative/path", "embedding.model is unset",
				"embedding.dimensions is null").doesNotContain("secret-key");
		assertThat(invalid.problems()).hasSize(6);
	}

	@Test
	void shouldNeverShowTheApiKeyInToString() {
		EmbeddingProperties properties = EmbeddingProperties.openAi(URI.create("https://api.openai.com/v1"),
				"text-embedding-3-small", 1536, "sk-very-secret");

		assertThat(properties.toString()).contains("apiKey=******").doesNotContain("sk-very-secret");
		assertThat(EmbeddingProperties.defaults().toString()).contains("apiKey=unset");
	}

}
