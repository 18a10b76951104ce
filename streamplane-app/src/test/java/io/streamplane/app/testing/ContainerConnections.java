package io.streamplane.app.testing;

import java.util.List;
import java.util.function.Supplier;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;

/**
 * Connection details of a Kafka and a PostgreSQL container as Spring Boot's {@code @ServiceConnection}
 * makes them (its {@code ApacheKafkaContainerConnectionDetails} and {@code JdbcContainerConnectionDetails}):
 * the broker's bootstrap servers, nothing else; the database's JDBC URL, user, password and driver.
 */
public final class ContainerConnections {

	private ContainerConnections() {
	}

	/** The connection details of a started Kafka container. */
	public static KafkaConnectionDetails kafka(KafkaContainer container) {
		return new Kafka(container::getBootstrapServers);
	}

	/** The connection details of a started PostgreSQL container. */
	public static JdbcConnectionDetails jdbc(PostgreSQLContainer container) {
		return new Jdbc(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
				container.getDriverClassName());
	}

	/** Connection details for a broker at these bootstrap servers, as a container's would be. */
	public static KafkaConnectionDetails kafka(String bootstrapServers) {
		return new Kafka(() -> bootstrapServers);
	}

	/** Connection details for a database at this URL, as a container's would be. */
	public static JdbcConnectionDetails jdbc(String jdbcUrl, String username, String password) {
		return new Jdbc(jdbcUrl, username, password, "org.postgresql.Driver");
	}

	/**
	 * Registers connection details the way {@code @ServiceConnection} does: a bean definition of the
	 * details' own class with an instance supplier, marked as a service connection.
	 */
	@SuppressWarnings("unchecked")
	public static <T> void register(BeanDefinitionRegistry registry, String name, T connectionDetails) {
		RootBeanDefinition definition = new RootBeanDefinition((Class<T>) connectionDetails.getClass(),
				() -> connectionDetails);
		definition.setAttribute("org.springframework.boot.testcontainers.service.connection.ServiceConnection", true);
		registry.registerBeanDefinition(name, definition);
	}

	private record Kafka(Supplier<String> bootstrapServers) implements KafkaConnectionDetails {

		@Override
		public List<String> getBootstrapServers() {
			return List.of(bootstrapServers.get());
		}

	}

	private record Jdbc(String jdbcUrl, String username, String password,
			String driverClassName) implements JdbcConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return jdbcUrl;
		}

		@Override
		public String getUsername() {
			return username;
		}

		@Override
		public String getPassword() {
			return password;
		}

		@Override
		public String getDriverClassName() {
			return driverClassName;
		}

	}

}
