package io.streamplane.app.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * Issue 18: impressions joined with the clicks that follow within 10 minutes, on the real broker,
 * through both repartitions by impression id and the join's RocksDB window stores; a click more
 * than 10 minutes + 5 minutes of lateness behind the join's stream time is dead-lettered as late.
 * Under a left join, an impression without a click comes out with a null click once its window
 * has closed, one without an impression id at once (with a null key), which a running step after
 * the join dead-letters for want of a key, and a click more than the lateness behind stream time is
 * dead-lettered.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class StreamJoinIT extends AdminApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(90);

	@Test
	void shouldJoinImpressionsWithTheirClicksWithinTenMinutesAndDeadLetterALateClick() {
		String name = EngineLifecycleIT.unique("impressions-clicks");
		String impressions = name + "-impressions";
		String clicks = name + "-clicks";
		String output = name + "-clicked";
		KafkaTopics.create(impressions, 2);
		KafkaTopics.create(clicks, 2);
		Response created = api.post("/api/v1/pipelines", "application/yaml", """
				name: %s
				sources:
				  impressions:
				    kafka: { topic: %s }
				    eventTime: { field: ts, unit: iso8601 }
				    lateness: 5m
				    fields: { impression_id: string, ad: string, ts: string }
				  clicks:
				    kafka: { topic: %s }
				    eventTime: { field: ts, unit: iso8601 }
				    lateness: 5m
				    fields: { impression_id: string, ts: string }
				transforms:
				  clicked:
				    from: impressions
				    steps:
				      - join: { stream: clicks, on: impression_id, streamOn: impression_id, within: 10m }
				      - select: [impression_id, ad, ts, clicks_ts]
				outputs:
				  - { from: clicked, kafka: { topic: %s } }
				""".formatted(name, impressions, clicks, output));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		KafkaTopics.produce(impressions, List.of(impression("i1", "shoes", "00:00:00"), impression("i2", "hats", "00:01:00"),
				impression("i3", "bags", "00:02:00")));
		KafkaTopics.produce(clicks, List.of(click("i1", "00:04:00"), click("i2", "00:12:00"), click("i3", "00:03:00"),
				click("i1", "00:09:00")));

		List<ConsumerRecord<String, String>> joined = KafkaTopics.read(output, 3, WAIT, Duration.ZERO);
		assertThat(joined).extracting(ConsumerRecord::key, record -> summary(record.value()))
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("i1", "i1 shoes 00:00:00 clicked 00:04:00"),
					org.assertj.core.groups.Tuple.tuple("i1", "i1 shoes 00:00:00 clicked 00:09:00"),
					org.assertj.core.groups.Tuple.tuple("i3", "i3 bags 00:02:00 clicked 00:03:00"));

		// after the pairs above were joined: a click far ahead, then one 20 minutes behind it (same key, in order)
		KafkaTopics.produce(clicks, List.of(click("i1", "00:40:00"), click("i1", "00:20:00")));

		List<ConsumerRecord<String, String>> deadLetters = KafkaTopics.read("sp.dlq." + name, 1, WAIT, Duration.ZERO);
		assertThat(deadLetters).singleElement().satisfies(record -> {
			assertThat(record.value()).contains("00:20:00");
			assertThat(header(record, "sp.late")).isEqualTo("true");
			assertThat(header(record, "sp.step")).isEqualTo("transforms.clicked.steps[0]");
			assertThat(header(record, "sp.reason")).startsWith("late record: event time 2026-01-01T00:20:00Z is more " +
					"than within PT10M + lateness PT5M behind the join's stream time 2026-01-01T00:40:00Z");
		});
		assertThat(KafkaTopics.read(output, 4, Duration.ofSeconds(5), Duration.ZERO))
			.as("the i2 click 11 minutes after its impression, and the later clicks, join nothing").hasSize(3);
	}

	@Test
	void shouldEmitAnImpressionWithoutAClickOnceItsWindowClosesUnderALeftJoinAndDeadLetterALateClick() {
		String name = EngineLifecycleIT.unique("impressions-left-clicks");
		String impressions = name + "-impressions";
		String clicks = name + "-clicks";
		String output = name + "-joined";
		KafkaTopics.create(impressions, 2);
		KafkaTopics.create(clicks, 2);
		Response created = api.post("/api/v1/pipelines", "application/yaml", """
				name: %s
				sources:
				  impressions:
				    kafka: { topic: %s }
				    eventTime: { field: ts, unit: iso8601 }
				    lateness: 5m
				    fields: { impression_id: string, ad: string, ts: string }
				  clicks:
				    kafka: { topic: %s }
				    eventTime: { field: ts, unit: iso8601 }
				    lateness: 5m
				    fields: { impression_id: string, ts: string }
				transforms:
				  joined:
				    from: impressions
				    steps:
				      - join: { stream: clicks, on: impression_id, streamOn: impression_id, within: 10m, type: left }
				      - select: [impression_id, ad, ts, clicks_ts]
				  per_impression:
				    from: joined
				    steps:
				      - running: { seen: "count()" }
				outputs:
				  - { from: joined, kafka: { topic: %s } }
				  - { from: per_impression, kafka: { topic: %s-running } }
				""".formatted(name, impressions, clicks, output, output));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		// each key on its own, as stream time is per partition; the next phase only once this one is processed
		// i0 has no impression_id: it can match nothing and comes out at once, though its window is open
		KafkaTopics.produce(impressions, List.of(impression("i1", "shoes", "00:00:00"), impression("i2", "hats", "00:00:00"),
				Map.entry("i0", "{\"impression_id\": null, \"ad\": \"gloves\", \"ts\": \"2026-01-01T00:01:00Z\"}")));
		KafkaTopics.produce(clicks, List.of(click("i2", "00:04:00")));
		List<ConsumerRecord<String, String>> first = KafkaTopics.read(output, 2, WAIT, Duration.ZERO);
		assertThat(first).filteredOn(record -> record.key() != null).extracting(record -> summary(record.value()))
			.containsExactly("i2 hats 00:00:00 clicked 00:04:00");
		assertThat(first).filteredOn(record -> record.key() == null).singleElement().satisfies(record -> {
			assertThat(JSON.readTree(record.value()).toString())
				.isEqualTo("{\"impression_id\":null,\"ad\":\"gloves\",\"ts\":\"2026-01-01T00:01:00Z\",\"clicks_ts\":null}");
			assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z").toEpochMilli());
			assertThat(record.headers().lastHeader("streamplane.null-join-key")).isNull();
		});
		assertThat(KafkaTopics.read("sp.dlq." + name, 1, WAIT, Duration.ZERO)).as("i0 has no key for the running step")
			.singleElement().satisfies(record -> {
				assertThat(header(record, "sp.step")).isEqualTo("transforms.per_impression.steps[0]");
				assertThat(header(record, "sp.reason")).startsWith("the record has no key: its key field 'impression_id' "
						+ "is null, as when a left, right or full stream join emits an event whose join key is null");
			});

		KafkaTopics.produce(impressions, List.of(impression("i1", "belts", "00:30:00"), impression("i2", "socks", "00:30:00")));
		List<ConsumerRecord<String, String>> joined = KafkaTopics.read(output, 3, WAIT, Duration.ZERO);
		assertThat(joined).filteredOn(record -> "i1".equals(record.key())).singleElement()
			.extracting(record -> JSON.readTree(record.value()).toString())
			.isEqualTo("{\"impression_id\":\"i1\",\"ad\":\"shoes\",\"ts\":\"2026-01-01T00:00:00Z\",\"clicks_ts\":null}");

		KafkaTopics.produce(clicks, List.of(click("i1", "00:20:00")));
		List<ConsumerRecord<String, String>> deadLetters = KafkaTopics.read("sp.dlq." + name, 2, WAIT, Duration.ZERO);
		assertThat(deadLetters).filteredOn(record -> header(record, "sp.late") != null).singleElement().satisfies(record -> {
			assertThat(header(record, "sp.late")).isEqualTo("true");
			assertThat(header(record, "sp.reason")).startsWith("late record: event time 2026-01-01T00:20:00Z is more " +
					"than lateness PT5M behind the join's stream time 2026-01-01T00:30:00Z, so a record it would join may " +
					"already have been emitted without a match");
		});
		assertThat(KafkaTopics.read(output, 4, Duration.ofSeconds(5), Duration.ZERO))
			.as("i2 at 00:00 was clicked in time; the impressions at 00:30 wait for their windows to close").hasSize(3);
	}

	private static String summary(String value) {
		var json = JSON.readTree(value);
		return json.path("impression_id").asString() + " " + json.path("ad").asString() + " " +
				json.path("ts").asString().substring(11, 19) + " clicked " + json.path("clicks_ts").asString().substring(11, 19);
	}

	private static Map.Entry<String, String> impression(String id, String ad, String time) {
		return Map.entry(id, "{\"impression_id\": \"" + id + "\", \"ad\": \"" + ad + "\", \"ts\": \"2026-01-01T" + time +
				"Z\"}");
	}

	private static Map.Entry<String, String> click(String id, String time) {
		return Map.entry(id, "{\"impression_id\": \"" + id + "\", \"ts\": \"2026-01-01T" + time + "Z\"}");
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
