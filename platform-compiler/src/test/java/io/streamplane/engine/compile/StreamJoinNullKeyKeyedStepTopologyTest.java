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
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 18, a running pipeline (no end-of-input markers, RocksDB stores): the events that a full
 * stream–stream join emits with a {@code null} join key, and so a {@code null} record key, are never
 * dropped silently by a keyed step after the join. A window keyed by the join key, a {@code keyBy}
 * of a field that is {@code null} on them, a per-key step and a feature view each dead-letter them
 * with a reason naming the step, the field and the fix, and count them; the events with a key are
 * aggregated as usual.
 */
class StreamJoinNullKeyKeyedStepTopologyTest {

	private static final PipelineSpec SPEC = new SpecReader().read("""
			name: nullkeys
			sources:
			  impressions:
			    kafka: { topic: impressions }
			    fields: { impression_id: string, ad: string }
			  clicks:
			    kafka: { topic: clicks }
			    fields: { impression_id: string, click: string }
			transforms:
			  joined:
			    from: impressions
			    steps:
			      - join: { stream: clicks, on: impression_id, streamOn: impression_id, within: 10m, type: full }
			  per_impression:
			    from: joined
			    steps:
			      - window: { tumbling: 1h }
			        aggregate: { events: "count()" }
			  per_ad:
			    from: joined
			    steps:
			      - keyBy: ad
			      - window: { tumbling: 1h }
			        aggregate: { events: "count()" }
			  running:
			    from: joined
			    steps:
			      - running: { events: "count()" }
			features:
			  - name: impression_clicks
			    from: joined
			    entity: impression_id
			    features:
			      events_1h: { aggregate: "count()", window: 1h }
			outputs:
			  - { from: per_impression, kafka: { topic: per-impression } }
			  - { from: per_ad, kafka: { topic: per-ad } }
			  - { from: running, kafka: { topic: running } }
			""", SpecFormat.YAML).spec();

	private static final String NO_ENTITY = "the entity field 'impression_id' is missing or null; every record of a "
			+ "feature view needs an entity";

	/** The reason a step gives for an event the join emitted with a {@code null} key. */
	private static String noKey(String need) {
		return "the record has no key: its key field 'impression_id' is null, as when a left, right or full stream "
				+ "join emits an event whose join key is null; " + need + ", so filter such records out before this "
				+ "step (filter: \"key != null\") or keyBy a value that is never null";
	}

	/** Its own state directory: another test JVM may run a pipeline with the same store names at once. */
	@TempDir
	Path stateDir;

	private static byte[] utf8(String text) {
		return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
	}

	private static String header(TestRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	@Test
	void shouldDeadLetterTheNullKeyedEventsOfAnOuterJoinAtEveryKeyedStepAfterIt() {
		PipelineCounters counters = new PipelineCounters();
		CompiledPipeline compiled = new PipelineCompiler().compile(SPEC, counters);
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties)) {
			TestInputTopic<byte[], byte[]> impressions = driver.createInputTopic("impressions", new ByteArraySerializer(),
					new ByteArraySerializer());
			TestInputTopic<byte[], byte[]> clicks = driver.createInputTopic("clicks", new ByteArraySerializer(),
					new ByteArraySerializer());
			impressions.pipeInput(utf8("i1"), utf8("{\"impression_id\": \"i1\", \"ad\": \"gloves\"}"), 60_000);
			clicks.pipeInput(utf8("c1"), utf8("{\"impression_id\": \"i1\", \"click\": \"c1\"}"), 90_000);
			impressions.pipeInput(utf8("i2"), utf8("{\"impression_id\": null, \"ad\": \"hats\"}"), 120_000);
			clicks.pipeInput(utf8("c2"), utf8("{\"impression_id\": null, \"click\": \"c2\"}"), 150_000);

			List<TestRecord<byte[], byte[]>> dead = driver.createOutputTopic("sp.dlq.nullkeys",
					new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
			assertThat(dead).extracting(record -> header(record, "sp.step"), record -> header(record, "sp.reason"))
				.containsExactlyInAnyOrder(
						tuple("transforms.per_impression.steps[0]", noKey("a window groups by key")),
						tuple("transforms.per_impression.steps[0]", noKey("a window groups by key")),
						tuple("transforms.per_ad.steps[0]", "key expression \"ad\" is null; every record needs a key, "
								+ "so filter such records out first or give a default, e.g. \"dyn(ad) != null ? ad : 'none'\""),
						tuple("transforms.running.steps[0]", noKey("this step keeps state per key")),
						tuple("transforms.running.steps[0]", noKey("this step keeps state per key")),
						tuple("features[0].entity", NO_ENTITY),
						tuple("features[0].entity", NO_ENTITY));
			assertThat(counters.deadLetters()).isEqualTo(7);
			assertThat(driver.createOutputTopic("running", new StringDeserializer(), new StringDeserializer())
				.readKeyValuesToMap()).containsOnlyKeys("i1");
		}
	}

}
