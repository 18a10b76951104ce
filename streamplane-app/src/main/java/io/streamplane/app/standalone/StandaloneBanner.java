package io.streamplane.app.standalone;

import java.time.Duration;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.env.Environment;

import io.streamplane.features.serving.ServingServer;
import io.streamplane.role.Role;
import io.streamplane.role.Roles;

/** The one log message that tells a standalone user where everything is. Never shows secrets. */
final class StandaloneBanner {

	private static final Log logger = LogFactory.getLog(StandaloneBanner.class);

	private static final String EXTERNAL = "external (see /actuator/info)";

	private StandaloneBanner() {
	}

	static void log(StandaloneInfrastructure infrastructure, Environment environment, boolean tokenFromFile,
			Duration timeTaken) {
		logger.info(text(infrastructure, environment, tokenFromFile, timeTaken));
	}

	static String text(StandaloneInfrastructure infrastructure, Environment environment, boolean tokenFromFile,
			Duration timeTaken) {
		Set<Role> roles = Roles.enabled(environment);
		boolean controlPlane = roles.contains(Role.CONTROL_PLANE);
		String url = environment.containsProperty("local.server.port")
				? "http://localhost:" + environment.getProperty("local.server.port") : null;
		StringBuilder text = new StringBuilder("Streamplane is ready (standalone");
		if (timeTaken != null) {
			text.append(", ").append(timeTaken.toMillis()).append(" ms");
		}
		text.append(", data in ").append(infrastructure.dataDir()).append(')');
		if (roles.isEmpty()) {
			text.append("\n  Roles:               none: only Kafka and PostgreSQL, for roles in other processes"
					+ " (docs/deploy.md)");
		}
		if (url != null && controlPlane) {
			text.append("\n  Web console and API: ").append(url);
			text.append("\n  Swagger UI:          ").append(url).append("/swagger-ui.html");
		}
		text.append("\n  Kafka:               ")
			.append(infrastructure.kafka().map(EmbeddedKafkaBroker::bootstrapServers).orElse(EXTERNAL));
		text.append("\n  PostgreSQL:          ")
			.append(infrastructure.postgres().map(EmbeddedPostgresServer::jdbcUrl).orElse(EXTERNAL));
		String serving = environment.containsProperty(ServingServer.LOCAL_PORT)
				? "http://localhost:" + environment.getProperty(ServingServer.LOCAL_PORT) : null;
		if (serving != null) {
			text.append("\n  Feature serving:     ").append(serving).append("/features/{view}/{entity}");
		}
		String features = serving != null ? serving : url;
		if (features != null && environment.getProperty("streamplane.demo.enabled", Boolean.class, false)) {
			text.append("\n  Demo features:       curl ").append(features).append("/features/user_clicks/u1");
		}
		if (url != null && roles.contains(Role.RAG_INDEXER)) {
			text.append("\n  Search:              ").append(url).append("/search/{index}?q=... (docs/search.md)");
			if (environment.getProperty("streamplane.demo.enabled", Boolean.class, false) && controlPlane) {
				text.append("\n  Demo search:         curl '").append(url).append("/search/docs?q=exactly+once'");
			}
		}
		if (tokenFromFile && !controlPlane) {
			text.append("\n  Admin token:         for a control plane elsewhere: --streamplane.security.admin-token=$(cat ")
				.append(infrastructure.dataDir().resolve(AdminToken.FILE_NAME))
				.append(')');
		}
		if (tokenFromFile && url != null && controlPlane) {
			text.append("\n  Admin token:         curl -H \"Authorization: Bearer $(cat ")
				.append(infrastructure.dataDir().resolve(AdminToken.FILE_NAME))
				.append(")\" ")
				.append(url)
				.append("/api/v1/pipelines");
		}
		return text.toString();
	}

}
