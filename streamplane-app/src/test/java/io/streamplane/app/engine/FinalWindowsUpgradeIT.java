package io.streamplane.app.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: a session window with {@code emit: final} runs with Kafka Streams' emit on window close (no
 * suppression buffer, no changelog of one), except for a pipeline version whose suppression buffer's changelog
 * exists, as it does for a version an engine before 2026-12-06 started: that one keeps the suppression, the
 * layout its state is in. Both emit the same final sessions on the real broker.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class FinalWindowsUpgradeIT extends AdminApiIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(90);

	@Test
	void shouldEmitFinalSessionsWithoutASuppressionBufferInANewVersion() {
		String name = EngineLifecycleIT.unique("final-sessions");

		List<ConsumerRecord<String, String>> sessions = deployAndCloseASession(name);

		assertThat(sessions).extracting(ConsumerRecord::key).containsExactly("u1");
		assertThat(KafkaTopics.names()).contains(changelog(name, "window")).doesNotContain(changelog(name, "final-store"));
	}

	@Test
	void shouldKeepTheSuppressionOfAVersionWhoseSuppressionBufferHasAChangelog() {
		String name = EngineLifecycleIT.unique("final-sessions-upgraded");
		KafkaTopics.createCompacted(changelog(name, "final-store"), 2);

		List<ConsumerRecord<String, String>> sessions = deployAndCloseASession(name);

		assertThat(sessions).extracting(ConsumerRecord::key).containsExactly("u1");
		assertThat(KafkaTopics.read(changelog(name, "final-store"), 1, WAIT, Duration.ZERO))
			.as("the suppression buffer wrote its changelog").isNotEmpty();
	}

	/** Deploys the pipeline, sends two sessions of u1 and returns the output once the first one closed. */
	private List<ConsumerRecord<String, String>> deployAndCloseASession(String name) {
		String clicks = name + "-clicks";
		String output = name + "-sessions";
		KafkaTopics.create(clicks, 2);
		Response created = api.post("/api/v1/pipelines", "application/yaml", """
				name: %s
				sources:
				  clicks:
				    kafka: { topic: %s }
				    eventTime: { field: ts, unit: iso8601 }
				    lateness: 1m
				    fields: { ts: string, user: string }
				transforms:
				  sessions:
				    from: clicks
				    steps:
				      - keyBy: user
				      - window: { session: { gap: 5m }, emit: final }
				        aggregate: { clicks: "count()" }
				outputs:
				  - { from: sessions, kafka: { topic: %s } }
				""".formatted(name, clicks, output));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		KafkaTopics.produce(clicks, List.of(click("u1", "00:00:00"), click("u1", "00:02:00"), click("u1", "00:30:00")));
		return KafkaTopics.read(output, 1, WAIT, Duration.ofSeconds(2));
	}

	private static String changelog(String pipeline, String store) {
		return "sp-" + pipeline + "-v1-transforms.sessions.steps.1." + store + "-changelog";
	}

	private static Map.Entry<String, String> click(String user, String time) {
		return Map.entry(user, "{\"ts\": \"2026-01-01T" + time + "Z\", \"user\": \"" + user + "\"}");
	}

}
