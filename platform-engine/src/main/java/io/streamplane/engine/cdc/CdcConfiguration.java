package io.streamplane.engine.cdc;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamplane.engine.cdc.internal.CdcException;
import io.streamplane.engine.cdc.internal.Database;
import io.streamplane.engine.cdc.internal.DefaultCdcCapture;
import io.streamplane.engine.runtime.EngineProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * PostgreSQL change data capture in the engine role: a {@link CdcCapture} that captures the
 * statically configured tables ({@code streamplane.engine.cdc.tables}) plus whatever the engine
 * demands. It connects to the database only once a table is demanded.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdcProperties.class)
public class CdcConfiguration {

	@Bean
	@ConditionalOnMissingBean(CdcCapture.class)
	DefaultCdcCapture cdcCapture(CdcProperties properties, EngineProperties engine, KafkaProperties kafka,
			KafkaConnectionDetails connection, Environment environment, ObjectProvider<MeterRegistry> registry) {
		Map<String, Object> base = new HashMap<>(kafka.buildAdminProperties());
		base.put("bootstrap.servers", String.join(",", connection.getAdmin().getBootstrapServers()));
		DefaultCdcCapture capture = new DefaultCdcCapture(properties, () -> database(properties, environment), base,
				engine.instanceId(), engine.replicationFactor(), registry.getIfAvailable(SimpleMeterRegistry::new));
		if (!properties.tables().isEmpty()) {
			capture.demand(Set.of());
		}
		return capture;
	}

	@Bean
	@ConditionalOnMissingBean(name = "cdcHealthIndicator")
	CdcHealthIndicator cdcHealthIndicator(CdcCapture capture) {
		return new CdcHealthIndicator(capture);
	}

	private static Database database(CdcProperties properties, Environment environment) {
		String url = properties.url().orElseGet(() -> environment.getProperty("spring.datasource.url"));
		if (url == null || url.isBlank()) {
			throw new CdcException("CDC tables are demanded but no database is configured: set "
					+ CdcProperties.PREFIX + ".url or spring.datasource.url", false);
		}
		return new Database(url,
				properties.username().orElseGet(() -> environment.getProperty("spring.datasource.username", "")),
				properties.password().orElseGet(() -> environment.getProperty("spring.datasource.password", "")));
	}

}
