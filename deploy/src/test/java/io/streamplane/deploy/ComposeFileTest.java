package io.streamplane.deploy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/compose.yaml} is a valid Compose file ({@code docker-compose config} resolves it, as
 * {@code docker compose up} would), with the roles as separate services on Kafka in KRaft mode and
 * PostgreSQL 17 with logical decoding, and refuses to start without its secrets.
 */
class ComposeFileTest {

	private static final Map<String, String> SECRETS = Map.of("POSTGRES_PASSWORD", "compose-test-password",
			"STREAMPLANE_ADMIN_TOKEN", "compose-test-admin-token");

	@Test
	void shouldResolveWithOneServicePerRoleOnKafkaAndPostgres() {
		ExternalTool compose = ExternalTool.require("docker-compose", "docker-compose");

		ExternalTool.Result result = compose.run(DeployFiles.DEPLOY, SECRETS, "-f", "compose.yaml", "config");

		assertThat(result.exitCode()).as(result.output()).isZero();
		Map<String, Map<String, Object>> services = new Yaml().<Map<String, Map<String, Map<String, Object>>>>load(
				result.output()).get("services");
		assertThat(services).containsKeys("kafka", "postgres", "control-plane", "engine", "feature-server",
				"rag-indexer");
		assertThat(services.get("rag-indexer")).as("started by default").doesNotContainKey("profiles");
		assertThat(services.get("kafka").get("image").toString()).startsWith("apache/kafka:");
		assertThat(environment(services, "kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
		assertThat(services.get("postgres").get("image")).isEqualTo("postgres:17");
		assertThat(services.get("postgres").get("command").toString()).contains("wal_level=logical");
		for (String role : new String[] { "control-plane", "engine", "feature-server", "rag-indexer" }) {
			assertThat(environment(services, role)).as(role)
				.containsEntry("STREAMPLANE_ROLES", role)
				.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
		}
		assertThat(environment(services, "rag-indexer")).containsEntry("STREAMPLANE_RAG_INDEXER_DATA_DIR",
				"/var/lib/streamplane/index");
		assertThat(services.get("rag-indexer").get("volumes").toString()).contains("index-data:/var/lib/streamplane/index");
		assertThat(environment(services, "control-plane")).containsEntry("STREAMPLANE_SECURITY_ADMIN_TOKEN",
				"compose-test-admin-token");
	}

	@Test
	void shouldRefuseToResolveWithoutTheDatabasePasswordAndNameIt() {
		ExternalTool compose = ExternalTool.require("docker-compose", "docker-compose");

		ExternalTool.Result result = compose.run(DeployFiles.DEPLOY,
				Map.of("STREAMPLANE_ADMIN_TOKEN", "compose-test-admin-token"), Set.of("POSTGRES_PASSWORD"), "-f",
				"compose.yaml", "config");

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("set POSTGRES_PASSWORD");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(Map<String, Map<String, Object>> services, String service) {
		return (Map<String, Object>) services.get(service).get("environment");
	}

}
