package io.streamplane.app.standalone;

import java.util.EnumSet;
import java.util.Set;

import io.streamplane.app.standalone.StandaloneInfrastructure.Component;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Decides what standalone mode embeds: Kafka unless {@code spring.kafka.bootstrap-servers} is
 * set, PostgreSQL unless {@code spring.datasource.url} is set, nothing when
 * {@code streamplane.standalone.enabled=false}.
 */
final class StandaloneActivation {

	static final String KAFKA_PROPERTY = "spring.kafka.bootstrap-servers";

	static final String DATASOURCE_PROPERTY = "spring.datasource.url";

	private StandaloneActivation() {
	}

	/**
	 * Binds and validates {@code streamplane.standalone.*}.
	 * @throws StandaloneException if a value is invalid
	 */
	static StandaloneProperties properties(Environment environment) {
		return Binder.get(environment).bindOrCreate(StandaloneProperties.PREFIX, StandaloneProperties.class);
	}

	/** The components to embed; empty when everything is external or standalone is disabled. */
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

}
