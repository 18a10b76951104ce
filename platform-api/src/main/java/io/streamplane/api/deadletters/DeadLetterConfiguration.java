package io.streamplane.api.deadletters;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reading pipelines' dead-letter topics ({@link DeadLetterReader}) with the settings of the application's
 * Kafka consumers (servers, security).
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

	@Bean
	DeadLetterReader deadLetterReader(ConsumerFactory<?, ?> consumers) {
		return new DeadLetterReader(consumers.getConfigurationProperties());
	}

}
