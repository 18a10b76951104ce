package io.streamplane.app.standalone;

import java.util.EnumSet;
import java.util.Set;

import io.streamplane.app.standalone.StandaloneInfrastructure.Component;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.core.env.Environment;

/**
 * Decides what standalone mode embeds: Kafka unless {@code spring.kafka.bootstrap-servers} is set
 * or a {@link KafkaConnectionDetails} bean says where Kafka is, PostgreSQL unless
 * {@code spring.datasource.url} is set or a {@link JdbcConnectionDetails} bean says where the
 * database is, nothing when {@code streamplane.standalone.enabled=false}. Such beans come from a
 * {@code @ServiceConnection} container (Testcontainers), Docker Compose or the application itself;
 * the ones Spring Boot derives from {@code spring.*} properties do not count, the properties do.
 */
final class StandaloneActivation {

	static final String KAFKA_PROPERTY = "spring.kafka.bootstrap-servers";

	static final String DATASOURCE_PROPERTY = "spring.datasource.url";

	/** The connection details Spring Boot derives from {@code spring.kafka.*} when no other bean gives them. */
	static final String KAFKA_FROM_PROPERTIES =
			"org.springframework.boot.kafka.autoconfigure.PropertiesKafkaConnectionDetails";

	/** The connection details Spring Boot derives from {@code spring.datasource.*} when no other bean gives them. */
	static final String JDBC_FROM_PROPERTIES =
			"org.springframework.boot.jdbc.autoconfigure.PropertiesJdbcConnectionDetails";

	private StandaloneActivation() {
	}

	/**
	 * Binds and validates {@code streamplane.standalone.*}.
	 * @throws StandaloneException if a value is invalid
	 */
	static StandaloneProperties properties(Environment environment) {
		return Binder.get(environment).bindOrCreate(StandaloneProperties.PREFIX, StandaloneProperties.class);
	}

	/**
	 * The components to embed as far as properties tell; empty when everything is external or
	 * standalone is disabled.
	 */
	static Set<Component> components(Environment environment, StandaloneProperties properties) {
		Set<Component> components = EnumSet.noneOf(Component.class);
		if (!properties.enabled()) {
			return components;
		}
		if (!environment.containsProperty(KAFKA_PROPERTY)) {
			components.add(Component.KAFKA);
		}
		if (!environment.containsProperty(DATASOURCE_PROPERTY)) {
			components.add(Component.POSTGRES);
		}
		return components;
	}

	/**
	 * The components whose connection a bean gives, not Spring Boot's property-based fallback. Reads
	 * bean definitions only: nothing is created, no container is started.
	 */
	static Set<Component> connectedByBeans(ConfigurableListableBeanFactory beanFactory) {
		Set<Component> components = EnumSet.noneOf(Component.class);
		if (hasBeanOtherThan(beanFactory, KafkaConnectionDetails.class, KAFKA_FROM_PROPERTIES)) {
			components.add(Component.KAFKA);
		}
		if (hasBeanOtherThan(beanFactory, JdbcConnectionDetails.class, JDBC_FROM_PROPERTIES)) {
			components.add(Component.POSTGRES);
		}
		return components;
	}

	private static boolean hasBeanOtherThan(ConfigurableListableBeanFactory beanFactory, Class<?> type,
			String fromProperties) {
		for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
			Class<?> beanType = beanFactory.getType(name, false);
			if (beanType == null || !beanType.getName().equals(fromProperties)) {
				return true;
			}
		}
		return false;
	}

}
