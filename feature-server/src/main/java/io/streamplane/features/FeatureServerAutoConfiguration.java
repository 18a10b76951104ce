package io.streamplane.features;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamplane.features.ingest.PipelineViewsReader;

import org.springframework.beans.factory.ObjectProvider;

import io.streamplane.features.ingest.TileConsumers;
import io.streamplane.features.ingest.TileIngest;
import io.streamplane.features.metrics.FeatureMetrics;
import io.streamplane.features.metrics.FeatureRequestTimers;
import io.streamplane.features.security.ReadToken;
import io.streamplane.features.serving.ServingHandler;
import io.streamplane.features.serving.ServingServer;
import io.streamplane.features.web.FeatureApi;
import io.streamplane.features.security.FeatureSecurityConfiguration;
import io.streamplane.features.web.FeatureWebConfiguration;
import io.streamplane.role.ConditionalOnRole;
import io.streamplane.role.Role;

/**
 * The feature-server role: learns the feature views of the pipelines from {@code sp.pipelines}
 * ({@link PipelineViewsReader}), consumes the engine's tiles from {@code sp.features.*} into a RocksDB
 * {@link TileStore} and serves {@code GET /features/{view}/{entity}} and {@code POST /features}, behind an
 * optional read token, with request, freshness and ingest meters: on the web server, and on the serving port
 * ({@link ServingServer}, unless {@code serving-port} is {@code -1}). On when {@code streamplane.roles}
 * includes {@code feature-server}; configured by {@link FeatureServerProperties}. On shutdown the ingest
 * thread stops first (a lifecycle bean), then the store closes (a bean it depends on).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnRole(Role.FEATURE_SERVER)
@EnableConfigurationProperties(FeatureServerProperties.class)
@Import({ FeatureWebConfiguration.class, FeatureSecurityConfiguration.class })
public final class FeatureServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FeatureViews featureViews(FeatureServerProperties properties) {
		return FeatureViews.from(properties);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	TileStore tileStore(FeatureServerProperties properties) {
		return TileStore.open(properties.tileStore());
	}

	@Bean
	@ConditionalOnMissingBean
	FeatureReader featureReader(TileStore store) {
		return new FeatureReader(store, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	FeatureApi featureApi(FeatureViews views, FeatureReader reader, FeatureServerProperties properties) {
		return new FeatureApi(views, reader, properties.maxEntitiesPerRequest(), properties.maxRequestSize());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnExpression("${" + FeatureServerProperties.PREFIX + ".serving-port:"
			+ FeatureServerProperties.DEFAULT_SERVING_PORT + "} >= 0")
	ServingServer servingServer(FeatureApi api, FeatureServerProperties properties,
			ObjectProvider<MeterRegistry> registry) {
		ReadToken token = properties.readTokenRequired() ? new ReadToken(properties.readToken()) : null;
		FeatureRequestTimers timers = new FeatureRequestTimers(registry.getIfAvailable(SimpleMeterRegistry::new),
				"serving");
		return new ServingServer(properties.servingPort(), properties.servingThreads(),
				new ServingHandler(api, token, timers));
	}

	@Bean
	@ConditionalOnMissingBean
	FeatureMetrics featureMetrics(ObjectProvider<MeterRegistry> registry, TileStore store) {
		return new FeatureMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), store, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	TileIngest tileIngest(TileStore store, FeatureViews views, FeatureServerProperties properties,
			KafkaProperties kafka, KafkaConnectionDetails connection, FeatureMetrics metrics) {
		return new TileIngest(new TileConsumers(kafka, connection), store, views, new TileIngest.Settings(
				properties.pollTimeout(), properties.topicRefreshInterval(), properties.pruneInterval()), metrics);
	}

	@Bean
	@ConditionalOnMissingBean
	PipelineViewsReader pipelineViewsReader(FeatureViews views, KafkaProperties kafka,
			KafkaConnectionDetails connection) {
		return new PipelineViewsReader(new TileConsumers(kafka, connection).forPipelines(), views);
	}

}
