package io.streamplane.app.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stream of clicks joined with a table of users read from a Kafka topic in the format of the CDC
 * topics (key: the primary key as a JSON object, value: the row, a tombstone deletes), on the real
 * broker ({@code CdcJoinIT} does the same from PostgreSQL through the CDC capture):
 * the pipeline waits for its table topic like for a source topic, then a user's update retracts and
 * re-emits exactly that user's clicks, and a delete retracts them.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class TablesJoinIT extends AdminApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(90);

	@Test
	void shouldReEmitTheClicksOfAnUpdatedUserAndRetractThemWhenTheUserIsDeleted() {
		String name = EngineLifecycleIT.unique("clicks-users");
		String clicks = name + "-clicks";
		String output = name + "-enriched";
		String users = name + "-users";
		Response created = api.post("/api/v1/pipelines", "application/yaml", """
				name: %s
				sources:
				  clicks: { kafka: { topic: %s } }
				tables:
				  users: { kafka: { topic: %s }, primaryKey: [id] }
				transforms:
				  enriched:
				    from: clicks
				    steps:
				      - join: { table: users, on: user_id }
				      - select: [page, user_id, plan]
				outputs:
				  - { from: enriched, kafka: { topic: %s } }
				""".formatted(name, clicks, users, output));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		KafkaTopics.create(clicks, 2);
		await().atMost(WAIT).untilAsserted(() -> assertThat(status(name).at("/instances/0/lastError").asString())
			.as("waits for its table topic").contains(users));

		KafkaTopics.create(users, 2);
		KafkaTopics.produce(users, List.of(user(1, "free"), user(2, "free")));
		KafkaTopics.produce(clicks, List.of(click("a", "/pricing", 1), click("b", "/docs", 2), click("c", "/blog", 1)));
		assertThat(changesByKey(output, 3)).hasSize(3);

		KafkaTopics.produce(users, List.of(user(1, "pro")));
		Map<String, List<String>> afterUpdate = changesByKey(output, 7);
		assertThat(afterUpdate.values()).containsExactlyInAnyOrder(
				List.of("+/pricing:free", "-/pricing:free", "+/pricing:pro"),
				List.of("+/blog:free", "-/blog:free", "+/blog:pro"),
				List.of("+/docs:free"));

		KafkaTopics.tombstone(users, "{\"id\": 1}");
		Map<String, List<String>> afterDelete = changesByKey(output, 9);
		assertThat(afterDelete.values()).containsExactlyInAnyOrder(
				List.of("+/pricing:free", "-/pricing:free", "+/pricing:pro", "-/pricing:pro"),
				List.of("+/blog:free", "-/blog:free", "+/blog:pro", "-/blog:pro"),
				List.of("+/docs:free"));
		await().atMost(WAIT).until(() -> status(name).path("state").asString().equals("RUNNING"));
	}

	/** The changes on the output, per record key in order, as {@code <op><page>:<plan>}; waits for {@code expected}, then a little longer for any surplus. */
	private static Map<String, List<String>> changesByKey(String topic, int expected) {
		Map<String, List<String>> changes = new LinkedHashMap<>();
		for (ConsumerRecord<String, String> record : KafkaTopics.read(topic, expected, WAIT, Duration.ofSeconds(2))) {
			JsonNode value = JSON.readTree(record.value());
			changes.computeIfAbsent(record.key(), key -> new ArrayList<>())
				.add(value.path("op").asString() + value.path("page").asString() + ":" + value.path("plan").asString());
		}
		return changes;
	}

	private JsonNode status(String pipeline) {
		return api.get("/api/v1/pipelines/" + pipeline + "/status").json();
	}

	private static Map.Entry<String, String> user(int id, String plan) {
		return Map.entry("{\"id\": " + id + "}", "{\"id\": " + id + ", \"name\": \"u" + id + "\", \"plan\": \"" + plan + "\"}");
	}

	private static Map.Entry<String, String> click(String key, String page, int user) {
		return Map.entry(key, "{\"page\": \"" + page + "\", \"user_id\": " + user + "}");
	}

}
