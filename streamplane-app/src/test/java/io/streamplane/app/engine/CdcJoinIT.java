package io.streamplane.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.engine.cdc.CdcTable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Issue 4 end to end on the embedded PostgreSQL and broker: a pipeline joins a Kafka stream of
 * clicks with a table of users captured from PostgreSQL (its {@code postgresCdc} table is all the
 * engine needs to start the capture); updating a user's row re-emits exactly that user's clicks
 * (retraction, then insertion), deleting it retracts them, and deleting the pipeline drops the
 * table's replication slot.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class CdcJoinIT extends AdminApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(90);

	@Test
	void shouldReEmitClicksWhenTheirUserChangesInPostgresAndRetractThemWhenTheUserIsDeleted() throws Exception {
		String name = EngineLifecycleIT.unique("cdc-join");
		String table = "users_" + name.substring(name.lastIndexOf('-') + 1);
		CdcTable cdcTable = CdcTable.parse(CdcTopic.SCHEMA + "." + table);
		String clicks = name + "-clicks";
		String output = name + "-enriched";
		execute("CREATE TABLE " + table + " (id int PRIMARY KEY, name text NOT NULL, tier text NOT NULL)",
				"INSERT INTO " + table + " VALUES (1, 'Ada', 'gold'), (2, 'Linus', 'silver')");
		KafkaTopics.create(clicks, 2);
		Response created = api.post("/api/v1/pipelines", "application/yaml", """
				name: %s
				sources:
				  clicks: { kafka: { topic: %s } }
				tables:
				  users: { postgresCdc: { table: %s }, primaryKey: [id] }
				transforms:
				  enriched:
				    from: clicks
				    steps:
				      - join: { table: users, on: user_id }
				      - select: [page, user_id, tier]
				outputs:
				  - { from: enriched, kafka: { topic: %s } }
				""".formatted(name, clicks, cdcTable.qualifiedName(), output));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		await().atMost(WAIT).until(() -> slotExists(cdcTable));
		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode capture = api.get("/api/v1/pipelines/" + name + "/status").json().path("cdcTables")
				.path(cdcTable.qualifiedName());
			assertThat(capture.path("state").asString()).as("status of the capture").isEqualTo("CAPTURING");
			assertThat(capture.path("slotLagBytes").isNumber()).as("slot lag in status: %s", capture).isTrue();
		});

		KafkaTopics.produce(clicks, List.of(click("a", "/pricing", 1), click("b", "/docs", 2), click("c", "/blog", 1)));
		assertThat(changesByKey(output, 3).values()).containsExactlyInAnyOrder(List.of("+/pricing:gold"),
				List.of("+/docs:silver"), List.of("+/blog:gold"));

		execute("UPDATE " + table + " SET tier = 'platinum' WHERE id = 1");
		assertThat(changesByKey(output, 7).values()).containsExactlyInAnyOrder(
				List.of("+/pricing:gold", "-/pricing:gold", "+/pricing:platinum"),
				List.of("+/blog:gold", "-/blog:gold", "+/blog:platinum"), List.of("+/docs:silver"));

		execute("DELETE FROM " + table + " WHERE id = 2");
		assertThat(changesByKey(output, 8).values()).containsExactlyInAnyOrder(
				List.of("+/pricing:gold", "-/pricing:gold", "+/pricing:platinum"),
				List.of("+/blog:gold", "-/blog:gold", "+/blog:platinum"), List.of("+/docs:silver", "-/docs:silver"));

		assertThat(api.delete("/api/v1/pipelines/" + name).status()).isEqualTo(200);
		await().atMost(WAIT).until(() -> !slotExists(cdcTable));
	}

	/** The changes on the output, per record key in order, as {@code <op><page>:<tier>}. */
	private static Map<String, List<String>> changesByKey(String topic, int expected) {
		Map<String, List<String>> changes = new LinkedHashMap<>();
		for (ConsumerRecord<String, String> record : KafkaTopics.read(topic, expected, WAIT, Duration.ofSeconds(2))) {
			JsonNode value = JSON.readTree(record.value());
			changes.computeIfAbsent(record.key(), key -> new ArrayList<>())
				.add(value.path("op").asString() + value.path("page").asString() + ":" + value.path("tier").asString());
		}
		return changes;
	}

	private static Map.Entry<String, String> click(String key, String page, int user) {
		return Map.entry(key, "{\"page\": \"" + page + "\", \"user_id\": " + user + "}");
	}

	private static boolean slotExists(CdcTable table) throws SQLException {
		try (Connection connection = CdcTopic.database(); Statement statement = connection.createStatement();
				ResultSet slots = statement.executeQuery(
						"SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + table.slotName() + "'")) {
			slots.next();
			return slots.getInt(1) > 0;
		}
	}

	private static void execute(String... statements) throws SQLException {
		try (Connection connection = CdcTopic.database(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
