package io.streamplane.engine.compile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, a running pipeline (no end-of-input markers, RocksDB stores): under a full
 * stream–stream join an event whose join key is {@code null} comes out at once, with the other
 * side's fields {@code null} and a {@code null} key, whether its side crosses a repartition topic
 * (which would drop a record without a key) or is joined {@code on: key} as its topic keys it; no
 * header of the crossing is left on it.
 */
class StreamJoinNullKeyTopologyTest {

	/** Kafka Streams' state of this test's drivers, not the shared default under /tmp/kafka-streams. */
	@TempDir
	Path stateDir;

	private static final PipelineSpec SPEC = new SpecReader().read("""
			name: impressions-and-clicks
			sources:
			  impressions:
			    kafka: { topic: impressions }
			    fields: { impression_id: string, ad: string }
			  clicks:
			    kafka: { topic: clicks }
			    fields: { click: string }
			transforms:
			  joined:
			    from: impressions
			    steps:
			      - join: { stream: clicks, on: impression_id, streamOn: key, within: 10m, type: full }
			outputs:
			  - { from: joined, kafka: { topic: joined } }
			""", SpecFormat.YAML).spec();

	private static byte[] utf8(String text) {
		return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void shouldEmitTheEventsWithANullJoinKeyOfBothSidesAtOnceWithNullsAndANullKey() {
		CompiledPipeline compiled = new PipelineCompiler().compile(SPEC, new PipelineCounters());
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties)) {
			TestInputTopic<byte[], byte[]> impressions = driver.createInputTopic("impressions", new ByteArraySerializer(),
					new ByteArraySerializer());
			TestInputTopic<byte[], byte[]> clicks = driver.createInputTopic("clicks", new ByteArraySerializer(),
					new ByteArraySerializer());
			impressions.pipeInput(utf8("x"), utf8("{\"impression_id\": null, \"ad\": \"gloves\"}"), 60_000);
			clicks.pipeInput(utf8(null), utf8("{\"click\": \"c1\"}"), 120_000);

			List<TestRecord<String, String>> joined = driver.createOutputTopic("joined", new StringDeserializer(),
					new StringDeserializer()).readRecordsToList();
			assertThat(joined).extracting(TestRecord::key, TestRecord::value, TestRecord::timestamp).containsExactly(
					org.assertj.core.groups.Tuple.tuple(null, "{\"impression_id\":null,\"ad\":\"gloves\",\"click\":null}",
							60_000L),
					org.assertj.core.groups.Tuple.tuple(null, "{\"impression_id\":null,\"ad\":null,\"click\":\"c1\"}",
							120_000L));
			assertThat(joined).allSatisfy(record ->
					assertThat(record.headers().lastHeader("streamplane.null-join-key")).isNull());
		}
	}

}
