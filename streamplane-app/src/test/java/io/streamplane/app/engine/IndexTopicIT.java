package io.streamplane.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Issue 13, the engine's half on the embedded PostgreSQL and broker: the c8 example follows its table into a
 * compacted index topic (an upsert per insert and update with the row's text, a tombstone per delete, keyed by
 * the primary key, stamped with the commit time), the pipeline status counts the writes, and a second
 * pipeline taking the index's name is refused.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class IndexTopicIT extends AdminApiIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(90);

	@Test
	void shouldWriteEveryChangeOfTheC8TableToTheCompactedIndexTopicStampedWithTheCommitTime() throws Exception {
		String name = EngineLifecycleIT.unique("c8-topic");
		String suffix = name.substring(name.lastIndexOf('-') + 1);
		String table = "documents_" + suffix;
		String index = "documents_" + suffix;
		execute("CREATE TABLE " + table + " (doc_id int PRIMARY KEY, body text NOT NULL)",
				"INSERT INTO " + table + " VALUES (1, 'Bytewax is a Python streaming framework with a Rust core.')");
		String spec = ApiClient.example("cdc-to-vector-index.yaml")
			.replace("name: cdc-to-vector-index", "name: " + name)
			.replace("public.documents }", CdcTopic.SCHEMA + "." + table + " }")
			.replace("name: documents ", "name: " + index + " ");
		Response created = api.post("/api/v1/pipelines", "application/yaml", spec);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String topic = "sp.index." + name + "." + index;
		assertThat(records(topic, 1)).containsExactly(
				"{\"doc_id\":1} {\"text\":\"Bytewax is a Python streaming framework with a Rust core.\",\"metadata\":{}}");

		long before = System.currentTimeMillis();
		execute("INSERT INTO " + table + " VALUES (2, 'Pathway is reactive incremental Python.')",
				"UPDATE " + table + " SET body = 'Bytewax uses Timely Dataflow for execution.' WHERE doc_id = 1",
				"DELETE FROM " + table + " WHERE doc_id = 2");
		List<ConsumerRecord<String, String>> records = KafkaTopics.read(topic, 4, WAIT, Duration.ofSeconds(1));
		long after = System.currentTimeMillis();

		assertThat(records).extracting(record -> record.key() + " " + record.value()).containsExactly(
				"{\"doc_id\":1} {\"text\":\"Bytewax is a Python streaming framework with a Rust core.\",\"metadata\":{}}",
				"{\"doc_id\":2} {\"text\":\"Pathway is reactive incremental Python.\",\"metadata\":{}}",
				"{\"doc_id\":1} {\"text\":\"Bytewax uses Timely Dataflow for execution.\",\"metadata\":{}}",
				"{\"doc_id\":2} null");
		assertThat(records.subList(1, 4)).allSatisfy(record -> assertThat(record.timestamp())
			.as("commit time of %s", record.key()).isBetween(before - 1_000, after));
		assertThat(topicConfig(topic).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
			.isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode written = api.get("/api/v1/pipelines/" + name + "/status").json().path("indexes").path(index);
			assertThat(written.path("topic").asString()).isEqualTo(topic);
			assertThat(written.path("upserts").asLong()).as("%s", written).isEqualTo(3);
			assertThat(written.path("deletes").asLong()).as("%s", written).isEqualTo(1);
			assertThat(written.path("newestSourceTime").isString()).as("%s", written).isTrue();
		});

		Response clash = api.post("/api/v1/pipelines", "application/yaml",
				spec.replace("name: " + name, "name: " + name + "-again"));
		assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
		assertThat(clash.json().path("detail").asString()).contains("index names are global", "'" + index + "'",
				"pipeline '" + name + "'");
		assertThat(api.delete("/api/v1/pipelines/" + name).status()).isEqualTo(200);
	}

	private static List<String> records(String topic, int expected) {
		return KafkaTopics.read(topic, expected, WAIT, Duration.ZERO).stream()
			.map(record -> record.key() + " " + record.value()).toList();
	}

	private static Config topicConfig(String topic) throws Exception {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.bootstrapServers()))) {
			return admin.describeConfigs(List.of(resource)).all().get().get(resource);
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
