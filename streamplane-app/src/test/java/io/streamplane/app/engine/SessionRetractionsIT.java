package io.streamplane.app.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

/**
 * Issue 18: session windows emitting updates on the real broker, through the repartition by user
 * and the RocksDB session store: a click between two sessions of its user merges them, both are
 * retracted ({@code "op": "-"}), and a consumer keeping the last row per key and window ends with
 * the one session there is.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionRetractionsIT extends AdminApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(90);

	@Test
	void shouldRetractTheSessionsAClickMergesSoTheFoldedSessionsAreTheRealOnes() {
		String name = EngineLifecycleIT.unique("session-retractions");
		String clicks = name + "-clicks";
		String output = name + "-sessions";
		KafkaTopics.create(clicks, 2);
		Response created = api.post("/api/v1/pipelines", "application/yaml", """
				name: %s
				sources:
				  clicks:
				    kafka: { topic: %s }
				    eventTime: { field: ts, unit: iso8601 }
				    lateness: 1h
				    fields: { ts: string, user: string }
				transforms:
				  sessions:
				    from: clicks
				    steps:
				      - keyBy: user
				      - window: { session: { gap: 5m }, emit: updates }
				        aggregate: { clicks: "count()" }
				outputs:
				  - { from: sessions, kafka: { topic: %s } }
				""".formatted(name, clicks, output));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		KafkaTopics.produce(clicks, List.of(click("u1", "00:00:00"), click("u1", "00:10:00"), click("u2", "00:01:00")));
		assertThat(KafkaTopics.read(output, 3, WAIT, Duration.ZERO)).hasSize(3);
		KafkaTopics.produce(clicks, List.of(click("u1", "00:05:00")));

		List<ConsumerRecord<String, String>> changes = KafkaTopics.read(output, 6, WAIT, Duration.ofSeconds(2));
		assertThat(changes.stream().filter(record -> record.key().equals("u1")).map(record -> summary(record.value())))
			.containsExactly("+ 00:00:00-00:00:00 1", "+ 00:10:00-00:10:00 1", "- 00:00:00-00:00:00",
					"- 00:10:00-00:10:00", "+ 00:00:00-00:10:00 3");
		assertThat(folded(changes)).containsExactly(Map.entry("u1 00:00:00-00:10:00", 3L),
				Map.entry("u2 00:01:00-00:01:00", 1L));
	}

	private static Map<String, Long> folded(List<ConsumerRecord<String, String>> changes) {
		Map<String, Long> sessions = new TreeMap<>();
		for (ConsumerRecord<String, String> change : changes) {
			JsonNode value = JSON.readTree(change.value());
			String window = change.key() + " " + window(value);
			if ("-".equals(value.path("op").asString(""))) {
				sessions.remove(window);
			}
			else {
				sessions.put(window, value.path("clicks").asLong());
			}
		}
		return sessions;
	}

	private static String summary(String value) {
		JsonNode json = JSON.readTree(value);
		return "-".equals(json.path("op").asString("")) ? "- " + window(json)
				: "+ " + window(json) + " " + json.path("clicks").asLong();
	}

	private static String window(JsonNode value) {
		return value.path("window_start").asString().substring(11, 19) + "-" +
				value.path("window_end").asString().substring(11, 19);
	}

	private static Map.Entry<String, String> click(String user, String time) {
		return Map.entry(user, "{\"ts\": \"2026-01-01T" + time + "Z\", \"user\": \"" + user + "\"}");
	}

}
