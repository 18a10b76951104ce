package io.streamplane.engine.compile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The lookup join of a running pipeline (no end-of-input markers): Kafka Streams' stream–table join after re-keying. */
class LookupJoinTopologyTest {

	/** Kafka Streams' state of this test's drivers, not the shared default under /tmp/kafka-streams. */
	@TempDir
	Path stateDir;

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
			      - select: [page, plan]
			outputs:
			  - { from: enriched, kafka: { topic: enriched } }
			""", SpecFormat.YAML).spec();

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void shouldEnrichEventsWithTheTableRowOfTheirJoinKeyAsItIsWhenTheyArrive() {
		CompiledPipeline compiled = new PipelineCompiler().compile(SPEC, new PipelineCounters());
		assertThat(compiled.inputTopics()).containsExactlyInAnyOrder("clicks", "users");
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties)) {
			TestInputTopic<byte[], byte[]> users = driver.createInputTopic("users", new ByteArraySerializer(),
					new ByteArraySerializer());
			TestInputTopic<byte[], byte[]> clicks = driver.createInputTopic("clicks", new ByteArraySerializer(),
					new ByteArraySerializer());
			users.pipeInput(utf8("{\"id\": 1}"), utf8("{\"id\": 1, \"plan\": \"free\"}"));
			clicks.pipeInput(utf8("c1"), utf8("{\"page\": \"/a\", \"user_id\": 1}"));
			users.pipeInput(utf8("{\"id\": 1}"), utf8("{\"id\": 1, \"plan\": \"pro\"}"));
			clicks.pipeInput(utf8("c2"), utf8("{\"page\": \"/b\", \"user_id\": 1}"));
			clicks.pipeInput(utf8("c3"), utf8("{\"page\": \"/c\", \"user_id\": 2}"));

			assertThat(driver.createOutputTopic("enriched", new StringDeserializer(), new StringDeserializer())
				.readKeyValuesToList()).containsExactly(
						KeyValue.pair("1", "{\"page\":\"/a\",\"plan\":\"free\"}"),
						KeyValue.pair("1", "{\"page\":\"/b\",\"plan\":\"pro\"}"),
						KeyValue.pair("2", "{\"page\":\"/c\"}"));
		}
	}

	@Test
	void shouldJoinEventsOnTheirRecordKeyWithoutRepartitioningThem() {
		PipelineSpec spec = new SpecReader().read("""
				name: clicks
				sources:
				  clicks: { kafka: { topic: clicks } }
				tables:
				  users: { kafka: { topic: users }, primaryKey: [id] }
				transforms:
				  enriched:
				    from: clicks
				    steps:
				      - filter: "page != ''"
				      - join: { table: users, on: key, mode: lookup }
				      - select: [page, plan]
				outputs:
				  - { from: enriched, kafka: { topic: enriched } }
				""", SpecFormat.YAML).spec();
		CompiledPipeline compiled = new PipelineCompiler().compile(spec, new PipelineCounters());
		String topology = compiled.topology().describe().toString();
		assertThat(topology).as(topology).doesNotContain("join-key").doesNotContain("lookup-repartition");
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties)) {
			driver.createInputTopic("users", new ByteArraySerializer(), new ByteArraySerializer())
				.pipeInput(utf8("{\"id\": 1}"), utf8("{\"id\": 1, \"plan\": \"free\"}"));
			TestInputTopic<byte[], byte[]> clicks = driver.createInputTopic("clicks", new ByteArraySerializer(),
					new ByteArraySerializer());
			clicks.pipeInput(utf8("1"), utf8("{\"page\": \"/a\"}"));
			clicks.pipeInput(utf8("2"), utf8("{\"page\": \"/b\"}"));
			clicks.pipeInput(utf8("1"), utf8("not json"));

			assertThat(driver.createOutputTopic("enriched", new StringDeserializer(), new StringDeserializer())
				.readKeyValuesToList()).containsExactly(KeyValue.pair("1", "{\"page\":\"/a\",\"plan\":\"free\"}"));
			assertThat(driver.createOutputTopic("sp.dlq.clicks", new StringDeserializer(), new StringDeserializer())
				.readKeyValuesToList()).singleElement().satisfies(dead -> {
					assertThat(dead.key).isEqualTo("1");
					assertThat(dead.value).isEqualTo("not json");
				});
		}
	}

}
