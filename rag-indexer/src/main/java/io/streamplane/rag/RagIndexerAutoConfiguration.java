package io.streamplane.rag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.embed.Embedders;
import io.streamplane.rag.embed.web.EmbeddingsWebConfiguration;
import io.streamplane.rag.ingest.IndexConsumers;
import io.streamplane.rag.ingest.Indexes;
import io.streamplane.rag.ingest.PipelineIndexesReader;
import io.streamplane.rag.security.SearchSecurityConfiguration;
import io.streamplane.rag.web.SearchWebConfiguration;
import io.streamplane.role.ConditionalOnRole;
import io.streamplane.role.Role;

/**
 * The rag-indexer role: learns the {@code indexes:} of the pipelines from {@code sp.pipelines}
 * ({@link PipelineIndexesReader}), follows each index topic into a Lucene index ({@link Indexes}) and serves
 * {@code /search/**} and {@code /v1/embeddings}, behind an optional read token. The embedder is the one
 * {@code streamplane.rag-indexer.embedding.*} names ({@link Embedders}). On when {@code streamplane.roles} includes
 * {@code rag-indexer}; configured by {@link RagIndexerProperties}. On shutdown the reader stops, then every index
 * follower stops and its index commits.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnRole(Role.RAG_INDEXER)
@EnableConfigurationProperties(RagIndexerProperties.class)
@Import({ SearchWebConfiguration.class, SearchSecurityConfiguration.class, EmbeddingsWebConfiguration.class })
public final class RagIndexerAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	Embedder embedder(RagIndexerProperties properties) {
		return Embedders.create(properties.embedding());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	Indexes indexes(RagIndexerProperties properties, Embedder embedder, KafkaProperties kafka,
			KafkaConnectionDetails connection, ObjectProvider<MeterRegistry> registry) {
		return new Indexes(properties, embedder, new IndexConsumers(kafka, connection, properties.batchSize()),
				registry.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	@ConditionalOnMissingBean
	PipelineIndexesReader pipelineIndexesReader(Indexes indexes, RagIndexerProperties properties,
			KafkaProperties kafka, KafkaConnectionDetails connection) {
		return new PipelineIndexesReader(
				new IndexConsumers(kafka, connection, properties.batchSize()).forPipelines(), indexes);
	}

}
