package io.streamplane.engine.compile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive join of a running pipeline (issue 14): events repartitioned by join key, remembered and
 * re-emitted in the sub-topology of the table, with RocksDB stores.
 */
class ReactiveJoinTopologyTest {

	/** Kafka Streams' state of this test's drivers, not the shared default under /tmp/kafka-streams. */
	@TempDir
	Path stateDir;

	private static final String SPEC = """
			name: clicks
			sources:
			  clicks: { kafka: { topic: clicks } }
			tables:
			  users: { kafka: { topic: users }, primaryKey: [id] }
			transforms:
			  enriched:
			    from: clicks
			    steps:
			      - join: { table: users, on: user_id, type: %s }
			      - select: [page, plan]
			outputs:
			  - { from: enriched, kafka: { topic: enriched } }
			""";

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static PipelineSpec spec(String type) {
		return new SpecReader().read(SPEC.formatted(type), SpecFormat.YAML).spec();
	}

	@Test
	void shouldRememberAndReplayEventsInTheSubTopologyOfTheTableWithoutForeignKeyTopics() {
		CompiledPipeline compiled = new PipelineCompiler().compile(spec("inner"), new PipelineCounters());
		TopologyDescription description = compiled.topology().describe();

		assertThat(description.toString()).as(description.toString())
			.doesNotContain("subscription").doesNotContain("remembered.rows");
		assertThat(description.subtopologies()).filteredOn(sub -> sub.toString().contains("remembered-by-key"))
			.singleElement()
			.satisfies(sub -> assertThat(sub.toString()).contains("by-join-key-repartition")
				.contains("tables.users.by-key-repartition").contains("tables.users.rows"));
	}

	@Test
	void shouldKeepTheLayoutByIdentityForAVersionWhoseStateAnOlderEngineCreated() {
		ExistingState olderEngine = ExistingState.of(Set.of("transforms.enriched.steps.0.remembered.rows-changelog",
				"transforms.enriched.steps.0.events-repartition", "tables.users.rows-changelog"));

		String older = new PipelineCompiler().compile(spec("inner"), new PipelineCounters(), olderEngine)
			.topology().describe().toString();
		String fresh = new PipelineCompiler()
			.compile(spec("inner"), new PipelineCounters(), ExistingState.of(Set.of("tables.users.rows-changelog")))
			.topology().describe().toString();

		assertThat(older).as(older).contains("transforms.enriched.steps.0.remembered.rows")
			.contains("transforms.enriched.steps.0.events-repartition").contains("subscription")
			.doesNotContain("remembered-by-key");
		assertThat(fresh).as(fresh).contains("remembered-by-key").doesNotContain("subscription");
	}

	@Test
	void shouldRecomputeRetractionsInsteadOfStoringEmittedRowsWhenOnlyPerRowStepsFollowTheJoin() {
		String topology = new PipelineCompiler().compile(spec("inner"), new PipelineCounters()).topology().describe()
			.toString();

		assertThat(topology).as(topology).contains("remembered-by-key").doesNotContain("outputs.0.emitted");
	}

	@Test
	void shouldKeepTheStoreOfEmittedRowsWhereARetractionCouldNotBeRecomputed() {
		String readsMeta = SPEC.formatted("inner").replace("- select: [page, plan]",
				"- set: { seen: \"meta.timestamp\" }");
		String readByATransform = SPEC.formatted("inner").replace("outputs:", """
				  plans:
				    from: enriched
				    steps:
				      - select: [plan]
				outputs:
				  - { from: plans, kafka: { topic: plans } }""");

		assertThat(describe(readsMeta, ExistingState.NONE)).contains("outputs.0.emitted");
		assertThat(describe(readByATransform, ExistingState.NONE)).contains("outputs.0.emitted")
			.contains("outputs.1.emitted");
		assertThat(describe(SPEC.formatted("inner"), ExistingState.of(Set.of("outputs.0.emitted-changelog"))))
			.contains("outputs.0.emitted");
	}

	private static String describe(String spec, ExistingState existing) {
		return new PipelineCompiler().compile(new SpecReader().read(spec, SpecFormat.YAML).spec(), new PipelineCounters(),
				existing).topology().describe().toString();
	}

	@Test
	void shouldEmitAnEventBeforeItsRowWhenTheRowArrivesAndFollowTheRowInAnInnerJoin() {
		List<KeyValue<String, String>> out = run("inner", driver -> {
			driver.clicks.pipeInput(utf8("c1"), utf8("{\"page\": \"/a\", \"user_id\": 1}"));
			driver.users.pipeInput(utf8("{\"id\": 1}"), utf8("{\"id\": 1, \"plan\": \"free\"}"));
			driver.clicks.pipeInput(utf8("c2"), utf8("{\"page\": \"/b\", \"user_id\": 1}"));
			driver.clicks.pipeInput(utf8("c3"), utf8("{\"page\": \"/c\", \"user_id\": 2}"));
			driver.users.pipeInput(utf8("{\"id\": 1}"), utf8("{\"id\": 1, \"plan\": \"pro\"}"));
			driver.users.pipeInput(utf8("{\"id\": 1}"), (byte[]) null);
		});

		assertThat(out).containsExactly(
				KeyValue.pair("clicks/0/0", "{\"op\":\"+\",\"page\":\"/a\",\"plan\":\"free\"}"),
				KeyValue.pair("clicks/0/1", "{\"op\":\"+\",\"page\":\"/b\",\"plan\":\"free\"}"),
				KeyValue.pair("clicks/0/0", "{\"op\":\"-\",\"page\":\"/a\",\"plan\":\"free\"}"),
				KeyValue.pair("clicks/0/0", "{\"op\":\"+\",\"page\":\"/a\",\"plan\":\"pro\"}"),
				KeyValue.pair("clicks/0/1", "{\"op\":\"-\",\"page\":\"/b\",\"plan\":\"free\"}"),
				KeyValue.pair("clicks/0/1", "{\"op\":\"+\",\"page\":\"/b\",\"plan\":\"pro\"}"),
				KeyValue.pair("clicks/0/0", "{\"op\":\"-\",\"page\":\"/a\",\"plan\":\"pro\"}"),
				KeyValue.pair("clicks/0/1", "{\"op\":\"-\",\"page\":\"/b\",\"plan\":\"pro\"}"));
	}

	@Test
	void shouldEmitAnEventWithoutJoinKeyAloneInALeftJoinAndNeverAgain() {
		List<KeyValue<String, String>> out = run("left", driver -> {
			driver.users.pipeInput(utf8("\"\""), utf8("{\"id\": \"\", \"plan\": \"empty\"}"));
			driver.clicks.pipeInput(utf8("c1"), utf8("{\"page\": \"/a\", \"user_id\": null}"));
			driver.clicks.pipeInput(utf8("c2"), utf8("{\"page\": \"/b\", \"user_id\": 1}"));
			driver.users.pipeInput(utf8("{\"id\": \"\"}"), (byte[]) null);
			driver.users.pipeInput(utf8("{\"id\": 1}"), utf8("{\"id\": 1, \"plan\": \"free\"}"));
			driver.users.pipeInput(utf8("{\"id\": 1}"), (byte[]) null);
		});

		assertThat(out).containsExactly(
				KeyValue.pair("clicks/0/0", "{\"op\":\"+\",\"page\":\"/a\"}"),
				KeyValue.pair("clicks/0/1", "{\"op\":\"+\",\"page\":\"/b\"}"),
				KeyValue.pair("clicks/0/1", "{\"op\":\"-\",\"page\":\"/b\"}"),
				KeyValue.pair("clicks/0/1", "{\"op\":\"+\",\"page\":\"/b\",\"plan\":\"free\"}"),
				KeyValue.pair("clicks/0/1", "{\"op\":\"-\",\"page\":\"/b\",\"plan\":\"free\"}"),
				KeyValue.pair("clicks/0/1", "{\"op\":\"+\",\"page\":\"/b\"}"));
	}

	@Test
	void shouldJoinEventsOnTheirRecordKeyWithoutRepartitioningThem() {
		String onKey = SPEC.formatted("left").replace("on: user_id", "on: key");
		CompiledPipeline compiled = new PipelineCompiler().compile(new SpecReader().read(onKey, SpecFormat.YAML).spec(),
				new PipelineCounters());
		String topology = compiled.topology().describe().toString();
		assertThat(topology).as(topology).doesNotContain("by-join-key").contains("remembered-by-key");

		List<KeyValue<String, String>> out = run(compiled, driver -> {
			driver.clicks.pipeInput(utf8("1"), utf8("{\"page\": \"/a\"}"));
			driver.clicks.pipeInput(null, utf8("{\"page\": \"/b\"}"));
			driver.users.pipeInput(utf8("{\"id\": 1}"), utf8("{\"id\": 1, \"plan\": \"free\"}"));
		});

		assertThat(out).containsExactly(
				KeyValue.pair("clicks/0/0", "{\"op\":\"+\",\"page\":\"/a\"}"),
				KeyValue.pair("clicks/0/1", "{\"op\":\"+\",\"page\":\"/b\"}"),
				KeyValue.pair("clicks/0/0", "{\"op\":\"-\",\"page\":\"/a\"}"),
				KeyValue.pair("clicks/0/0", "{\"op\":\"+\",\"page\":\"/a\",\"plan\":\"free\"}"));
	}

	private record Inputs(TestInputTopic<byte[], byte[]> users, TestInputTopic<byte[], byte[]> clicks) {
	}

	private List<KeyValue<String, String>> run(String type, Consumer<Inputs> inputs) {
		return run(new PipelineCompiler().compile(spec(type), new PipelineCounters()), inputs);
	}

	private List<KeyValue<String, String>> run(CompiledPipeline compiled, Consumer<Inputs> inputs) {
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties)) {
			inputs.accept(new Inputs(
					driver.createInputTopic("users", new ByteArraySerializer(), new ByteArraySerializer()),
					driver.createInputTopic("clicks", new ByteArraySerializer(), new ByteArraySerializer())));
			return driver.createOutputTopic("enriched", new StringDeserializer(), new StringDeserializer())
				.readKeyValuesToList();
		}
	}

}
