package io.streamplane.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.ingest.Indexes;
import io.streamplane.rag.ingest.PipelineIndexesReader;

class RagIndexerAutoConfigurationTest {

	@TempDir
	Path directory;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, RagIndexerAutoConfiguration.class))
			.withPropertyValues("spring.kafka.bootstrap-servers=localhost:1",
					"streamplane.rag-indexer.data-dir=" + directory);
	}

	@Test
	void shouldStayOffWithoutTheRagIndexerRole() {
		runner().withPropertyValues("streamplane.roles=engine,feature-server")
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Indexes.class));
	}

	@Test
	void shouldFollowThePipelinesWithTheDefaultModelUnlessAnotherEmbedderIsGiven() {
		runner().withPropertyValues("streamplane.roles=rag-indexer").run(context -> {
			assertThat(context).hasNotFailed().hasSingleBean(Indexes.class).hasSingleBean(PipelineIndexesReader.class);
			assertThat(context.getBean(Embedder.class).model()).isEqualTo("all-MiniLM-L6-v2");
		});
	}

	@Test
	void shouldRefuseAShortReadToken() {
		runner().withPropertyValues("streamplane.roles=rag-indexer", "streamplane.rag-indexer.read-token=short")
			.run(context -> assertThat(context).getFailure().rootCause()
				.hasMessageContaining("read-token must be at least 16 characters"));
	}

	@Test
	void shouldRefuseVectorCandidatesOutOfRange() {
		runner().withPropertyValues("streamplane.roles=rag-indexer", "streamplane.rag-indexer.vector-candidates=0")
			.run(context -> assertThat(context).getFailure().rootCause()
				.hasMessageContaining("vector-candidates (HNSW candidates explored per vector search) must be from 1 "
						+ "to 10000; the default is 100"));
	}

}
