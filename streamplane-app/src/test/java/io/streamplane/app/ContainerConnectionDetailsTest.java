package io.streamplane.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import com.zaxxer.hikari.HikariDataSource;
import io.streamplane.app.standalone.EmbeddedPostgresServer;
import io.streamplane.app.standalone.StandaloneInfrastructure;
import io.streamplane.app.testing.ContainerConnections;
import io.streamplane.engine.cdc.CdcConfiguration;
import io.streamplane.engine.cdc.CdcInstance;
import io.streamplane.engine.cdc.internal.CdcDatabase;
import io.streamplane.engine.cdc.internal.Database;
import io.streamplane.engine.runtime.EngineProperties;
import io.streamplane.protocol.KafkaClientConfigs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, checked without Docker: connection details of a Kafka and a PostgreSQL container, registered
 * as {@code @ServiceConnection} registers them, configure every client exactly as the properties that
 * standalone sets for its embedded broker and database do, given the same addresses and credentials:
 * the Kafka clients of the engine, the feature server and CDC ({@link KafkaClientConfigs}), those of the
 * control plane and the health check (Spring Kafka's factories and admin), the DataSource, and the
 * database CDC captures from.
 */
class ContainerConnectionDetailsTest {

	private static final String BOOTSTRAP_SERVERS = "localhost:32768";

	private static final String JDBC_URL = "jdbc:postgresql://localhost:32769/streamplane";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, KafkaAutoConfiguration.class,
				DataSourceAutoConfiguration.class))
		.withUserConfiguration(Engine.class, CdcConfiguration.class)
		.withPropertyValues("spring.kafka.client-id=streamplane", "spring.kafka.producer.acks=all");

	@Test
	void shouldConfigureKafkaJdbcAndCdcAsTheEmbeddedInfrastructureDoes() {
		Map<String, Object> embedded = effective(runner.withPropertyValues(StandaloneInfrastructure
			.connectionProperties(Optional.of(BOOTSTRAP_SERVERS), Optional.of(JDBC_URL))
			.entrySet()
			.stream()
			.map(property -> property.getKey() + "=" + property.getValue())
			.toArray(String[]::new)));
		Map<String, Object> containers = effective(runner.withInitializer(ContainerConnectionDetailsTest::containers));

		assertThat(containers).isEqualTo(embedded);
		assertThat(embedded).containsEntry("roles.consumer.bootstrap.servers", BOOTSTRAP_SERVERS)
			.containsEntry("roles.streams.bootstrap.servers", BOOTSTRAP_SERVERS)
			.containsEntry("spring-kafka.producer.bootstrap.servers", List.of(BOOTSTRAP_SERVERS))
			.containsEntry("spring-kafka.producer.acks", "all")
			.containsEntry("jdbc.url", JDBC_URL)
			.containsEntry("jdbc.username", EmbeddedPostgresServer.USER)
			.containsEntry("cdc.database", new Database(JDBC_URL,
					EmbeddedPostgresServer.USER, ""));
	}

	@Test
	void shouldLeaveNoConnectionPropertyOnTheContainerPath() {
		runner.withInitializer(ContainerConnectionDetailsTest::containers).run(context -> {
			assertThat(context.getEnvironment().containsProperty("spring.kafka.bootstrap-servers")).isFalse();
			assertThat(context.getEnvironment().containsProperty("spring.datasource.url")).isFalse();
			assertThat(context.getBean(KafkaProperties.class).getBootstrapServers()).containsExactly("localhost:9092");
			assertThat(configs(context).admin()).containsEntry("bootstrap.servers", BOOTSTRAP_SERVERS);
		});
	}

	/**
	 * Registers a Kafka and a PostgreSQL container's connection details for the addresses and credentials
	 * of the embedded ones. The password is none: Spring Boot reads standalone's empty
	 * {@code spring.datasource.password} as none.
	 */
	private static void containers(ConfigurableApplicationContext context) {
		BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context;
		ContainerConnections.register(registry, "kafkaContainerConnectionDetails",
				ContainerConnections.kafka(BOOTSTRAP_SERVERS));
		ContainerConnections.register(registry, "postgresContainerConnectionDetails",
				ContainerConnections.jdbc(JDBC_URL, EmbeddedPostgresServer.USER, null));
	}

	/** Every connection-related setting the context ends up with, flattened into one sorted map. */
	private static Map<String, Object> effective(ApplicationContextRunner runner) {
		AtomicReference<Map<String, Object>> effective = new AtomicReference<>();
		runner.run(context -> {
			assertThat(context).hasNotFailed();
			Map<String, Object> settings = new TreeMap<>();
			KafkaClientConfigs roles = configs(context);
			put(settings, "roles.consumer.", roles.consumer());
			put(settings, "roles.producer.", roles.producer());
			put(settings, "roles.admin.", roles.admin());
			put(settings, "roles.streams.", roles.streams());
			put(settings, "spring-kafka.consumer.",
					context.getBean(DefaultKafkaConsumerFactory.class).getConfigurationProperties());
			put(settings, "spring-kafka.producer.",
					context.getBean(DefaultKafkaProducerFactory.class).getConfigurationProperties());
			put(settings, "spring-kafka.admin.", context.getBean(KafkaAdmin.class).getConfigurationProperties());
			HikariDataSource dataSource = context.getBean(HikariDataSource.class);
			settings.put("jdbc.url", dataSource.getJdbcUrl());
			settings.put("jdbc.username", dataSource.getUsername());
			settings.put("jdbc.password", dataSource.getPassword());
			settings.put("jdbc.driver", dataSource.getDriverClassName());
			settings.put("cdc.database", context.getBean(CdcDatabase.class).resolve());
			effective.set(settings);
		});
		return effective.get();
	}

	private static KafkaClientConfigs configs(ApplicationContext context) {
		return new KafkaClientConfigs(context.getBean(KafkaProperties.class),
				context.getBean(KafkaConnectionDetails.class));
	}

	private static void put(Map<String, Object> settings, String prefix, Map<String, Object> config) {
		config.forEach((name, value) -> settings.put(prefix + name, value));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EngineProperties.class)
	static class Engine {

		@Bean
		CdcInstance cdcInstance(EngineProperties engine) {
			return new CdcInstance("test-engine", engine.replicationFactor());
		}

	}

}
