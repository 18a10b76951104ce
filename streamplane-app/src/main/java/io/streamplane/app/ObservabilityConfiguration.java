package io.streamplane.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.streamplane.app.standalone.StandaloneInfrastructure;

import org.apache.kafka.clients.admin.AdminClientConfig;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/** The {@code kafka} health indicator and the {@code streamplane} info contributor. */
@Configuration(proxyBeanMethods = false)
final class ObservabilityConfiguration {

	private static final Duration KAFKA_HEALTH_TIMEOUT = Duration.ofSeconds(3);

	@Bean
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "streamplane-health");
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_HEALTH_TIMEOUT.toMillis());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_HEALTH_TIMEOUT.toMillis());
		return new KafkaHealthIndicator(config, KAFKA_HEALTH_TIMEOUT);
	}

	@Bean
	@ConditionalOnMissingBean
	StreamplaneInfoContributor streamplaneInfoContributor(Environment environment, ListableBeanFactory beanFactory,
			KafkaConnectionDetails kafka, ObjectProvider<JdbcConnectionDetails> database) {
		return new StreamplaneInfoContributor(environment,
				beanFactory.containsBean(StandaloneInfrastructure.BEAN_NAME), kafka, database.getIfAvailable());
	}

}
