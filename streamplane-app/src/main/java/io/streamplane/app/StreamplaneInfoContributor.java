package io.streamplane.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.role.Role;
import io.streamplane.role.Roles;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.core.env.Environment;

/**
 * Adds {@code streamplane} to {@code /actuator/info}: the enabled roles, the mode
 * ({@code standalone} when Kafka or PostgreSQL is embedded, {@code external} otherwise), the Kafka
 * bootstrap servers and the JDBC URL in use. Credentials are never shown.
 */
public final class StreamplaneInfoContributor implements InfoContributor {

	private final Environment environment;

	private final boolean standalone;

	/**
	 * @param environment the application's environment
	 * @param standalone whether this process runs embedded infrastructure
	 */
	public StreamplaneInfoContributor(Environment environment, boolean standalone) {
		this.environment = environment;
		this.standalone = standalone;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> details = new LinkedHashMap<>();
		List<String> roles = Roles.enabled(this.environment).stream().map(Role::id).toList();
		details.put("roles", roles);
		details.put("mode", this.standalone ? "standalone" : "external");
		details.put("kafka", Map.of("bootstrapServers",
				this.environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092")));
		String url = ConnectionUrls.withoutCredentials(this.environment.getProperty("spring.datasource.url"));
		if (url != null) {
			details.put("database", Map.of("url", url));
		}
		builder.withDetail("streamplane", details);
	}

}
