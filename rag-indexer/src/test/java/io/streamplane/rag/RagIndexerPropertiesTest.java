package io.streamplane.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.streamplane.rag.embed.EmbeddingProperties;

/** How many changes the indexer applies at once (issue 13: freshness under a backlog). */
class RagIndexerPropertiesTest {

	@Test
	void shouldApplyEightTextsPerEmbeddingThreadInProcess() {
		assertThat(properties(256, EmbeddingProperties.defaults().withThreads(2)).applyBatch()).isEqualTo(16);
		assertThat(properties(256, EmbeddingProperties.defaults().withThreads(3)).applyBatch()).isEqualTo(24);
	}

	@Test
	void shouldApplyNoMoreThanTheEmbeddingBatchSizePerThread() {
		assertThat(properties(256, EmbeddingProperties.defaults().withThreads(2).withBatchSize(4)).applyBatch())
			.isEqualTo(8);
	}

	@Test
	void shouldApplyNoMoreThanOnePoll() {
		assertThat(properties(10, EmbeddingProperties.defaults().withThreads(4)).applyBatch()).isEqualTo(10);
	}

	@Test
	void shouldApplyOneRequestsBatchWithARemoteEmbedder() {
		EmbeddingProperties remote = EmbeddingProperties.openAi(URI.create("http://127.0.0.1:9/v1"),
				"text-embedding-3-small", 1536, "k");
		assertThat(properties(256, remote).applyBatch()).isEqualTo(32);
	}

	private static RagIndexerProperties properties(int batchSize, EmbeddingProperties embedding) {
		return new RagIndexerProperties(Path.of("x"), Duration.ofMillis(100), Duration.ofSeconds(1), batchSize,
				Duration.ofMillis(500), 2_000, 100, 64, 100, null, embedding);
	}

}
