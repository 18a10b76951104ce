package io.streamplane.engine.cdc;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamplane.engine.cdc.internal.CdcDatabase;
import io.streamplane.engine.cdc.internal.DefaultCdcCapture;
import io.streamplane.protocol.KafkaClientConfigs;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL change data capture in the engine role: a {@link CdcCapture} that captures the
 * statically configured tables ({@code streamplane.engine.cdc.tables}) plus whatever the engine
 * demands. It connects to the database only once a table is demanded: the one of
 * {@code streamplane.engine.cdc.url}, else the application's own ({@link CdcDatabase}). Its Kafka
 * clients connect where the rest of the application does ({@link KafkaClientConfigs}). Needs a
 * {@link CdcInstance} bean, which the engine role defines.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdcProperties.class)
public class CdcConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CdcDatabase cdcDatabase(CdcProperties properties, ObjectProvider<JdbcConnectionDetails> application) {
		return new CdcDatabase(properties, application::getIfAvailable);
	}

	@Bean
	@ConditionalOnMissingBean(CdcCapture.class)
	DefaultCdcCapture cdcCapture(CdcProperties properties, CdcInstance instance, KafkaProperties kafka,
			KafkaConnectionDetails connection, CdcDatabase database, ObjectProvider<MeterRegistry> registry) {
		DefaultCdcCapture capture = new DefaultCdcCapture(properties, database::resolve,
				new KafkaClientConfigs(kafka, connection).admin(), instance.instanceId(), instance.replicationFactor(),
				registry.getIfAvailable(SimpleMeterRegistry::new));
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

}
