package io.streamplane.app.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Kafka and PostgreSQL containers the integration tests of a JVM share on the container path,
 * both started at once; stopped when the JVM exits (and by Testcontainers' reaper should the JVM
 * die).
 */
final class SharedContainers implements AutoCloseable {

	private final KafkaContainer kafka;

	private final PostgreSQLContainer postgres;

	private SharedContainers(KafkaContainer kafka, PostgreSQLContainer postgres) {
		this.kafka = kafka;
		this.postgres = postgres;
	}

	static SharedContainers start() {
		KafkaContainer kafka = StreamplaneContainers.kafka();
		PostgreSQLContainer postgres = StreamplaneContainers.postgres();
		Startables.deepStart(kafka, postgres).join();
		return new SharedContainers(kafka, postgres);
	}

	KafkaContainer kafka() {
		return kafka;
	}

	PostgreSQLContainer postgres() {
		return postgres;
	}

	/** The same properties as the embedded infrastructure's, pointing at the containers. */
	Map<String, Object> connectionProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", kafka.getBootstrapServers());
		properties.put("spring.datasource.url", postgres.getJdbcUrl());
		properties.put("spring.datasource.username", postgres.getUsername());
		properties.put("spring.datasource.password", postgres.getPassword());
		return properties;
	}

	@Override
	public void close() {
		try {
			kafka.close();
		}
		finally {
			postgres.close();
		}
	}

}
