package io.streamplane.rag.embed;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.streamplane.rag.embed.EmbeddingProperties.Provider;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingPropertiesTest {

	@Test
	void shouldBindDefaultsWhenNothingIsConfigured() {
		EmbeddingProperties properties = bind(Map.of("streamplane.rag-indexer.embedding.threads", "0"));

		assertThat(properties.provider()).isEqualTo(Provider.IN_PROCESS);
		assertThat(properties.batchSize()).isEqualTo(32);
		assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.effectiveThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(properties.problems()).isEmpty();
	}

	@Test
	void shouldBindTheQuantizedInProcessModelByName() {
		EmbeddingProperties properties = bind(Map.of("streamplane.rag-indexer.embedding.model", "all-minilm-l6-v2-q"));

		assertThat(properties.inProcessModel()).isEqualTo(EmbeddingProperties.InProcessModel.ALL_MINILM_L6_V2_Q);
		assertThat(properties.problems()).isEmpty();
		assertThat(EmbeddingProperties.defaults().inProcessModel())
			.isEqualTo(EmbeddingProperties.InProcessModel.ALL_MINILM_L6_V2);
	}

	@Test
	void shouldBindAnOpenAiCompatibleServiceFromKebabCaseKeys() {
		EmbeddingProperties properties = bind(Map.of("streamplane.rag-indexer.embedding.provider", "openai",
				"streamplane.rag-indexer.embedding.base-url", "http://localhost:11434/v1",
				"streamplane.rag-indexer.embedding.model", "nomic-embed-text",
				"streamplane.rag-indexer.embedding.dimensions", "768",
				"streamplane.rag-indexer.embedding.api-key", "secret",
				"streamplane.rag-indexer.embedding.batch-size", "64",
				"streamplane.rag-indexer.embedding.timeout", "5s"));

		assertThat(properties).isEqualTo(new EmbeddingProperties(Provider.OPENAI, 64, 0,
				URI.create("http://localhost:11434/v1"), "nomic-embed-text", 768, "secret", Duration.ofSeconds(5)));
		assertThat(properties.problems()).isEmpty();
	}

	private static EmbeddingProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values))
			.bind(EmbeddingProperties.PREFIX, EmbeddingProperties.class)
			.get();
	}

}
