package io.streamplane.app;

import java.util.LinkedHashMap;
import java.util.Map;

import io.streamplane.role.Role;
import io.streamplane.role.Roles;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Leaves PostgreSQL out of processes that do not need it: when {@code streamplane.roles} does not
 * include {@code control-plane} and {@code spring.datasource.url} is not set, the DataSource and
 * Flyway auto-configurations are excluded and the readiness group checks Kafka only. An engine-only
 * process then starts with nothing but {@code spring.kafka.bootstrap-servers}.
 */
final class DatabaseActivation implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "streamplaneWithoutDatabase";

	private static final String EXCLUDED = String.join(",",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (Roles.enabled(environment).contains(Role.CONTROL_PLANE)
				|| environment.containsProperty("spring.datasource.url")) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		String excluded = environment.getProperty("spring.autoconfigure.exclude", "");
		properties.put("spring.autoconfigure.exclude", excluded.isBlank() ? EXCLUDED : excluded + "," + EXCLUDED);
		properties.put("management.endpoint.health.group.readiness.include", "readinessState,kafka");
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
