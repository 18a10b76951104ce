package io.streamplane.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.role.Role;
import io.streamplane.role.Roles;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.core.env.Environment;

/**
 * Adds {@code streamplane} to {@code /actuator/info}: the enabled roles, the mode
 * ({@code standalone} when Kafka or PostgreSQL is embedded, {@code external} otherwise), the Kafka
 * bootstrap servers and the JDBC URL in use, as the connection details give them (from
 * {@code spring.*} properties, standalone or a {@code @ServiceConnection}), and, with the rag-indexer role, where
 * searches go ({@code search}). Credentials are never shown.
 */
public final class StreamplaneInfoContributor implements InfoContributor {

	private final Environment environment;

	private final boolean standalone;

	private final KafkaConnectionDetails kafka;

	private final JdbcConnectionDetails database;

	/**
	 * @param environment the application's environment
	 * @param standalone whether this process runs embedded infrastructure
	 * @param kafka where Kafka is
	 * @param database where the database is, or {@code null} when this process has none
	 */
	public StreamplaneInfoContributor(Environment environment, boolean standalone, KafkaConnectionDetails kafka,
			JdbcConnectionDetails database) {
		this.environment = environment;
		this.standalone = standalone;
		this.kafka = kafka;
		this.database = database;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> details = new LinkedHashMap<>();
		List<String> roles = Roles.enabled(this.environment).stream().map(Role::id).toList();
		details.put("roles", roles);
		details.put("mode", this.standalone ? "standalone" : "external");
		details.put("kafka", Map.of("bootstrapServers", String.join(",", this.kafka.getBootstrapServers())));
		if (this.database != null) {
			details.put("database", Map.of("url", ConnectionUrls.withoutCredentials(this.database.getJdbcUrl())));
		}
		if (roles.contains(Role.RAG_INDEXER.id())) {
			details.put("search", Map.of("path", "/search/{index}", "docs", "docs/search.md"));
		}
		builder.withDetail("streamplane", details);
	}

}
