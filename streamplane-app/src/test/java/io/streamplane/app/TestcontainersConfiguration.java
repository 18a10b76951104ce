package io.streamplane.app;

import io.streamplane.app.testing.StreamplaneContainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * Kafka (the official {@code apache/kafka} image, KRaft) and PostgreSQL 17 ({@code wal_level=logical})
 * in containers, set up like standalone's embedded servers ({@link StreamplaneContainers}), wired into
 * the application by {@code @ServiceConnection}: Spring Boot registers their connection details, so no
 * {@code spring.kafka.*} or {@code spring.datasource.*} property is set, and standalone embeds neither.
 * Spring Boot starts the containers with the context and stops them with it. Needs Docker.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestcontainersConfiguration {

	@Bean
	@ServiceConnection
	KafkaContainer kafkaContainer() {
		return StreamplaneContainers.kafka();
	}

	@Bean
	@ServiceConnection
	PostgreSQLContainer postgresContainer() {
		return StreamplaneContainers.postgres();
	}

}
