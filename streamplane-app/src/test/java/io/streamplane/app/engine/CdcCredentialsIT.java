package io.streamplane.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.engine.cdc.CdcTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue 11: CDC fails fast on a permanent failure. The engine captures as a role that PostgreSQL asks for a
 * password (a {@code pg_hba.conf} rule for that role alone, on the shared real PostgreSQL) and is given a wrong
 * one: the pipeline reading the table turns {@code FAILED} within seconds, its error naming the rejected
 * credentials and the properties to fix, instead of the capture being retried forever behind a running
 * pipeline.
 * <p>
 * This engine holds a leader election of its own (its own leader and offsets topics), so that it always
 * captures here and never takes the capture away from the engines of other tests, and its context is
 * closed after the class: an engine with bad credentials would fail every CDC pipeline it runs.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "streamplane.engine.cdc.username=" + CdcCredentialsIT.ROLE,
				"streamplane.engine.cdc.password=wrong-password",
				"streamplane.engine.cdc.leader-topic=sp.cdc.leader.credentials-it",
				"streamplane.engine.cdc.offsets-topic=sp.cdc.offsets.credentials-it" })
@DirtiesContext
class CdcCredentialsIT extends AdminApiIntegrationTest {

	static final String ROLE = "sp_cdc_password_role";

	private static final Duration WITHIN_SECONDS = Duration.ofSeconds(60);

	@BeforeAll
	static void requireAPasswordFromTheRole() throws SQLException {
		try (Connection connection = CdcTopic.database(); Statement statement = connection.createStatement()) {
			statement.execute("DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN REPLICATION PASSWORD 'right-password'; "
					+ "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
			String hbaFile = single(statement, "SHOW hba_file");
			String hba = single(statement, "SELECT pg_read_file('" + hbaFile + "')");
			if (!hba.contains(ROLE)) {
				String rules = "host all " + ROLE + " 127.0.0.1/32 scram-sha-256\nhost all " + ROLE
						+ " ::1/128 scram-sha-256\n";
				statement.execute("COPY (SELECT line FROM unnest(string_to_array($hba$" + rules + hba
						+ "$hba$, E'\\n')) AS line WHERE line <> '') TO '" + hbaFile
						+ "' WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')");
				statement.execute("SELECT pg_reload_conf()");
			}
		}
		String url = (String) TestInfrastructure.connectionProperties().get("spring.datasource.url");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThatThrownBy(() -> DriverManager.getConnection(url, ROLE, "wrong-password"))
				.isInstanceOf(SQLException.class)
				.satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("28P01")));
	}

	@Test
	void shouldFailThePipelineWithinSecondsWhenPostgresRejectsTheCdcPassword() throws SQLException {
		String name = EngineLifecycleIT.unique("cdc-credentials");
		String table = "accounts_" + name.substring(name.lastIndexOf('-') + 1);
		CdcTable cdcTable = CdcTable.parse(CdcTopic.SCHEMA + "." + table);
		String clicks = name + "-clicks";
		try (Connection connection = CdcTopic.database(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, tier text NOT NULL)");
		}
		KafkaTopics.create(clicks, 1);
		Response created = api.post("/api/v1/pipelines", "application/yaml", """
				name: %s
				sources:
				  clicks: { kafka: { topic: %s } }
				tables:
				  accounts: { postgresCdc: { table: %s }, primaryKey: [id] }
				transforms:
				  enriched:
				    from: clicks
				    steps:
				      - join: { table: accounts, on: id }
				outputs:
				  - { from: enriched, kafka: { topic: %s-out } }
				""".formatted(name, clicks, cdcTable.qualifiedName(), name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		try {
			awaitFailure(api, name, cdcTable);
		}
		finally {
			// the engines of other test classes share this database: they must not go on capturing the table
			api.delete("/api/v1/pipelines/" + name);
		}
	}

	private static void awaitFailure(ApiClient api, String name, CdcTable cdcTable) {
		await().atMost(WITHIN_SECONDS).untilAsserted(() -> {
			JsonNode status = api.get("/api/v1/pipelines/" + name + "/status").json();
			assertThat(status.path("state").asString()).as("pipeline state in %s", status).isEqualTo("FAILED");
			List<String> errors = new ArrayList<>();
			status.path("instances").forEach(instance -> errors.add(instance.path("lastError").asString("")));
			assertThat(errors).as("errors of the instances")
				.anySatisfy(error -> assertThat(error).contains("CDC capture of table " + cdcTable.qualifiedName())
				.contains("rejected the credentials of user '" + ROLE + "'")
				.contains("28P01")
				.contains("streamplane.engine.cdc.username/password")
				.doesNotContain("wrong-password"));
		});
	}

	private static String single(Statement statement, String query) throws SQLException {
		try (ResultSet rows = statement.executeQuery(query)) {
			rows.next();
			return rows.getString(1);
		}
	}

}
