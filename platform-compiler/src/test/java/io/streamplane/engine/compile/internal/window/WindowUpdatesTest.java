package io.streamplane.engine.compile.internal.window;

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
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WindowUpdatesTest {

	/** Kafka Streams' state of this test's drivers, not the shared default under /tmp/kafka-streams. */
	@TempDir
	Path stateDir;

	private static final PipelineSpec SPEC = new SpecReader().read("""
			name: hops
			sources:
			  clicks:
			    kafka: { topic: clicks }
			    eventTime: { field: ts, unit: seconds }
			    lateness: 5s
			    fields: { ts: int, user: string, n: int }
			transforms:
			  totals:
			    from: clicks
			    steps:
			      - keyBy: user
			      - window: { hopping: { size: 10s, advance: 5s }, emit: updates }
			        aggregate: { total: "sum(n)" }
			outputs:
			  - { from: totals, kafka: { topic: totals } }
			""", SpecFormat.YAML).spec();

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String row(int start, int end, long total) {
		return "{\"user\":\"u\",\"window_start\":\"1970-01-01T00:00:" + String.format("%02d", start) +
				"Z\",\"window_end\":\"1970-01-01T00:00:" + String.format("%02d", end) + "Z\",\"total\":" + total + "}";
	}

	@Test
	void shouldEmitEveryChangeOfEveryOpenWindowAndSkipClosedOnes() {
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
		var compiled = new PipelineCompiler().compile(SPEC, new PipelineCounters());
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties)) {
			TestInputTopic<byte[], byte[]> clicks = driver.createInputTopic("clicks", new ByteArraySerializer(),
					new ByteArraySerializer());
			for (String value : List.of("{\"ts\": 1, \"user\": \"u\", \"n\": 1}", "{\"ts\": 7, \"user\": \"u\", \"n\": 2}",
					"{\"ts\": 7, \"user\": \"u\", \"n\": 4}", "{\"ts\": 20, \"user\": \"u\", \"n\": 8}",
					"{\"ts\": 12, \"user\": \"u\", \"n\": 16}")) {
				clicks.pipeInput(utf8("k"), utf8(value));
			}

			var totals = driver.createOutputTopic("totals", new StringDeserializer(), new StringDeserializer())
				.readKeyValuesToList();
			assertThat(totals).allSatisfy(pair -> assertThat(pair.key).isEqualTo("u"));
			assertThat(totals.stream().map(pair -> pair.value)).containsExactly(row(0, 10, 1), row(0, 10, 3),
					row(5, 15, 2), row(0, 10, 7), row(5, 15, 6), row(15, 25, 8), row(20, 30, 8), row(10, 20, 16));
			assertThat(driver.createOutputTopic("test-transforms.totals.steps.1.window-changelog",
					new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList()).isNotEmpty();
		}
	}

}
