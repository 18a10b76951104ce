package io.streamplane.engine.compile.internal.keyed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.streamplane.engine.compile.PipelineCompiler;
import io.streamplane.engine.compile.PipelineCounters;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-key steps keep their state in persistent stores with changelogs, named from their spec paths. */
class KeyedStateStoresTest {

	/** Kafka Streams' state of this test's drivers, not the shared default under /tmp/kafka-streams. */
	@TempDir
	Path stateDir;

	private static final PipelineSpec SPEC = new SpecReader().read("""
			name: milestones
			sources:
			  events:
			    kafka: { topic: events }
			    eventTime: { field: ts, unit: seconds }
			    fields: { ts: int, user: string, status: string }
			transforms:
			  alerts:
			    from: events
			    steps:
			      - keyBy: user
			      - changes: { of: status }
			      - dedupe: { within: 1s }
			      - running: { n: "count()" }
			      - crossing: { value: n, thresholds: [3] }
			      - select: [user, n, ts]
			outputs:
			  - { from: alerts, kafka: { topic: alerts } }
			""", SpecFormat.YAML).spec();

	private static final String STEPS = "transforms.alerts.steps.";

	@Test
	void shouldNameEachStoreAfterItsStepAndRepartitionOnceAfterTheKeyChanged() {
		TopologyDescription description = new PipelineCompiler().compile(SPEC, new PipelineCounters()).topology().describe();

		assertThat(description.toString()).contains(STEPS + "1.state", STEPS + "2.state", STEPS + "3.state",
				STEPS + "4.state", STEPS + "1.repartition").doesNotContain(STEPS + "2.repartition");
	}

	/** Restarts are covered on a real broker by MilestoneAlertCrashIT: the test driver deletes its state on close. */
	@Test
	void shouldLogTheStateOfEveryStepToItsChangelog() {
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
		var compiled = new PipelineCompiler().compile(SPEC, new PipelineCounters());
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties)) {
			var input = driver.createInputTopic("events", new ByteArraySerializer(), new ByteArraySerializer());
			List.of(event(1, "a"), event(2, "b"), event(3, "b"), event(4, "a"))
				.forEach(event -> input.pipeInput(utf8("k"), utf8(event)));

			assertThat(driver.createOutputTopic("alerts", new StringDeserializer(), new StringDeserializer())
				.readValuesToList()).as("b at 3 is no change; a at 4 is the third change")
				.containsExactly("{\"user\":\"u\",\"n\":3,\"ts\":4}");
			for (int step = 1; step <= 4; step++) {
				assertThat(driver.createOutputTopic("test-" + STEPS + step + ".state-changelog", new ByteArrayDeserializer(),
						new ByteArrayDeserializer()).readRecordsToList()).as("changelog of step %d", step).isNotEmpty();
			}
		}
	}

	private static String event(int ts, String status) {
		return "{\"ts\": " + ts + ", \"user\": \"u\", \"status\": \"" + status + "\"}";
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
