package io.streamplane.app.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a rolling count per user on the real broker, through the repartition by the new key, the
 * RocksDB store and its changelog: each click carries its user's clicks of the last hour (in 1-minute
 * slices) and checkouts among them, and a click whose slice closed is dead-lettered as late.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class RollingAggregateIT extends AdminApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(90);

	@Test
	void shouldAddEachUsersRollingCountToEveryClickAndDeadLetterALateOne() {
		String name = EngineLifecycleIT.unique("rolling-clicks");
		String clicks = name + "-clicks";
		String output = name + "-counted";
		KafkaTopics.create(clicks, 2);
		Response created = api.post("/api/v1/pipelines", "application/yaml", """
				name: %s
				sources:
				  clicks:
				    kafka: { topic: %s }
				    eventTime: { field: ts, unit: iso8601 }
				    fields: { ts: string, user: string, page: string }
				transforms:
				  counted:
				    from: clicks
				    steps:
				      - keyBy: user
				      - rolling: { range: 1h, slice: 1m }
				        aggregate: { clicks_1h: "count()", checkouts_1h: "count(page == 'checkout')" }
				      - select: [user, ts, clicks_1h, checkouts_1h]
				outputs:
				  - { from: counted, kafka: { topic: %s } }
				""".formatted(name, clicks, output));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		KafkaTopics.produce(clicks, List.of(click("u1", "00:00:00", "home"), click("u2", "00:05:00", "home"),
				click("u1", "00:10:00", "checkout"), click("u1", "00:59:30", "home"), click("u1", "01:00:30", "home"),
				click("u1", "00:30:00", "home"), click("u2", "01:20:00", "checkout")));

		List<ConsumerRecord<String, String>> counted = KafkaTopics.read(output, 6, WAIT, Duration.ofSeconds(2));
		assertThat(counted).extracting(ConsumerRecord::key, record -> summary(record.value()))
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("u1", "00:00:00 1/0"),
					org.assertj.core.groups.Tuple.tuple("u1", "00:10:00 2/1"),
					org.assertj.core.groups.Tuple.tuple("u1", "00:59:30 3/1"),
					org.assertj.core.groups.Tuple.tuple("u1", "01:00:30 3/1"),
					org.assertj.core.groups.Tuple.tuple("u2", "00:05:00 1/0"),
					org.assertj.core.groups.Tuple.tuple("u2", "01:20:00 1/1"));
		assertThat(counted.stream().filter(record -> record.key().equals("u1")).map(record -> summary(record.value())))
			.as("one user's clicks stay in order").containsExactly("00:00:00 1/0", "00:10:00 2/1", "00:59:30 3/1",
					"01:00:30 3/1");

		List<ConsumerRecord<String, String>> deadLetters = KafkaTopics.read("sp.dlq." + name, 1, WAIT, Duration.ZERO);
		assertThat(deadLetters).singleElement().satisfies(record -> {
			assertThat(record.value()).contains("00:30:00");
			assertThat(header(record, "sp.late")).isEqualTo("true");
			assertThat(header(record, "sp.step")).isEqualTo("transforms.counted.steps[1]");
			assertThat(header(record, "sp.reason")).startsWith("late record: event time 2026-01-01T00:30:00Z");
		});
	}

	private static String summary(String value) {
		var json = JSON.readTree(value);
		return json.path("ts").asString().substring(11, 19) + " " + json.path("clicks_1h").asLong() + "/" +
				json.path("checkouts_1h").asLong();
	}

	private static Map.Entry<String, String> click(String user, String time, String page) {
		return Map.entry(user, "{\"ts\": \"2026-01-01T" + time + "Z\", \"user\": \"" + user + "\", \"page\": \"" + page +
				"\"}");
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
