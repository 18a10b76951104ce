package io.streamplane.engine.compile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 18, a running pipeline (no end-of-input markers, RocksDB stores): a left lookup join keys
 * an event whose join key is {@code null} by {@code null}, and a window or per-key step after it
 * repartitions by key, through a topic that silently drops a record without a key. The steps
 * dead-letter such an event before their repartition topic instead, with the reason, and count it.
 */
class NullKeyRepartitionTopologyTest {

	private static final PipelineSpec SPEC = new SpecReader().read("""
			name: clicks
			sources:
			  clicks: { kafka: { topic: clicks } }
			tables:
			  users: { kafka: { topic: users }, primaryKey: [id] }
			transforms:
			  enriched:
			    from: clicks
			    steps:
			      - join: { table: users, on: user_id, type: left, mode: lookup }
			  per_user:
			    from: enriched
			    steps:
			      - window: { tumbling: 1h }
			        aggregate: { clicks: "count()" }
			  running:
			    from: enriched
			    steps:
			      - running: { clicks: "count()" }
			outputs:
			  - { from: enriched, kafka: { topic: enriched } }
			  - { from: per_user, kafka: { topic: per-user } }
			  - { from: running, kafka: { topic: running } }
			""", SpecFormat.YAML).spec();

	/** Its own state directory: another test JVM may run a pipeline with the same store names at once. */
	@TempDir
	Path stateDir;

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String header(TestRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/** The reason of a step for a record without a key and without a key field. */
	private static String noKey(String need) {
		return "the record has no key (its source record had none, or a left join before this step found its join key "
				+ "null); " + need + ", so add a keyBy step before it, give the source records keys, or filter such "
				+ "records out (filter: \"key != null\")";
	}

	@Test
	void shouldDeadLetterAnEventWithoutAKeyBeforeTheRepartitionTopicOfAKeyedStep() {
		PipelineCounters counters = new PipelineCounters();
		CompiledPipeline compiled = new PipelineCompiler().compile(SPEC, counters);
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties)) {
			TestInputTopic<byte[], byte[]> users = driver.createInputTopic("users", new ByteArraySerializer(),
					new ByteArraySerializer());
			TestInputTopic<byte[], byte[]> clicks = driver.createInputTopic("clicks", new ByteArraySerializer(),
					new ByteArraySerializer());
			users.pipeInput(utf8("{\"id\": 1}"), utf8("{\"id\": 1, \"plan\": \"free\"}"));
			clicks.pipeInput(utf8("c1"), utf8("{\"page\": \"/a\", \"user_id\": 1}"), 1_000);
			clicks.pipeInput(utf8("c2"), utf8("{\"page\": \"/b\", \"user_id\": null}"), 2_000);
			clicks.pipeInput(utf8("c3"), utf8("{\"page\": \"/c\", \"user_id\": 1}"), 7_300_000);

			assertThat(driver.createOutputTopic("enriched", new StringDeserializer(), new StringDeserializer())
				.readKeyValuesToList()).extracting(pair -> pair.key).containsExactly("1", null, "1");
			List<TestRecord<byte[], byte[]>> dead = driver.createOutputTopic("sp.dlq.clicks",
					new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
			assertThat(dead).extracting(record -> header(record, "sp.step"), record -> header(record, "sp.reason"))
				.containsExactlyInAnyOrder(tuple("transforms.per_user.steps[0]", noKey("a window groups by key")),
						tuple("transforms.running.steps[0]", noKey("this step keeps state per key")));
			assertThat(dead).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
				.allSatisfy(value -> assertThat(value).isEqualTo("{\"page\": \"/b\", \"user_id\": null}"));
			assertThat(counters.deadLetters()).isEqualTo(2);
			assertThat(driver.createOutputTopic("running", new StringDeserializer(), new StringDeserializer())
				.readValuesToList()).hasSize(2).allSatisfy(value -> assertThat(value).contains("\"user_id\":1"));
			assertThat(driver.createOutputTopic("per-user", new StringDeserializer(), new StringDeserializer())
				.readKeyValuesToList()).extracting(pair -> pair.key).containsExactly("1");
		}
	}

}
