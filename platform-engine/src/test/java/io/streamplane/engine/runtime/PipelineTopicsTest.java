package io.streamplane.engine.runtime;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.engine.compile.PipelineCompiler;
import io.streamplane.engine.compile.PipelineCounters;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.internals.InternalTopicConfig;
import org.apache.kafka.streams.processor.internals.InternalTopologyBuilder;
import org.apache.kafka.streams.processor.internals.TopologyMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineTopicsTest {

	private static final Path EXAMPLES = Path.of("..", "examples");

	/**
	 * Clean-up names a stopped version's internal topics from its {@link Topology#describe() description}; Kafka
	 * Streams creates them under names of its own making. For every example pipeline both must be the same set,
	 * so a Kafka Streams upgrade that names them otherwise fails here instead of leaving topics behind.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void shouldNameTheInternalTopicsKafkaStreamsCreatesForEveryExample(Path example, @TempDir Path stateDir)
			throws Exception {
		PipelineSpec spec = new SpecReader().read(Files.readString(example), SpecFormat.YAML).spec();
		CompiledPipeline compiled = new PipelineCompiler().compile(spec, new PipelineCounters());
		String applicationId = StreamsSettings.applicationId(spec.name(), 7);

		Set<String> named = PipelineTopics.internalTopics(applicationId, compiled.topology().describe());

		assertThat(new TreeSet<>(named)).as("the internal topics clean-up deletes")
			.isEqualTo(kafkaStreamsInternalTopics(compiled, settings(stateDir).forPipeline(compiled, 7)));
	}

	static Stream<Path> examples() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
		}
	}

	/**
	 * The changelog and repartition topics Kafka Streams itself creates for a pipeline started with the engine's
	 * settings: the topology is built and rewritten as {@code KafkaStreams} does ({@link TopologyMetadata}), and
	 * the topics are the ones its partition assignor creates (repartition topics, and changelogs of stores that
	 * do not reuse a source topic). No public API lists them, so the topology's {@link InternalTopologyBuilder}
	 * is taken from its protected field by reflection.
	 */
	private static Set<String> kafkaStreamsInternalTopics(CompiledPipeline compiled, Properties config)
			throws ReflectiveOperationException {
		Field field = Topology.class.getDeclaredField("internalTopologyBuilder");
		field.setAccessible(true);
		InternalTopologyBuilder builder = (InternalTopologyBuilder) field.get(compiled.topology());
		TopologyMetadata metadata = new TopologyMetadata(builder, new StreamsConfig(config));
		metadata.buildAndRewriteTopology();
		Set<String> topics = new TreeSet<>();
		metadata.subtopologyTopicsInfoMapExcluding(new HashSet<>()).values().forEach(info -> {
			topics.addAll(info.repartitionSourceTopics.keySet());
			info.nonSourceChangelogTopics().stream().map(InternalTopicConfig::name).forEach(topics::add);
		});
		return topics;
	}

	private static StreamsSettings settings(Path stateDir) {
		EngineProperties properties = new EngineProperties("test-engine", stateDir, Duration.ofMillis(100),
				new EngineProperties.Restart(Duration.ofMillis(100), Duration.ofSeconds(1), 1), 1, Optional.empty(),
				-1, 0, Duration.ofSeconds(1));
		return new StreamsSettings(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"), properties);
	}

	@Test
	void shouldNameChangelogAndRepartitionTopicsFromTheTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		builder.stream("words", Consumed.with(Serdes.String(), Serdes.String()))
			.groupBy((key, word) -> word, Grouped.with("by-word", Serdes.String(), Serdes.String()))
			.count(Materialized.as("counts"))
			.toStream()
			.to("word-counts", Produced.with(Serdes.String(), Serdes.Long()));

		assertThat(PipelineTopics.internalTopics("sp-wordcount-v3", builder.build().describe()))
			.containsExactlyInAnyOrder("sp-wordcount-v3-counts-changelog", "sp-wordcount-v3-by-word-repartition");
	}

	@Test
	void shouldNameNoInternalTopicsForAStatelessTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
			.to("out", Produced.with(Serdes.String(), Serdes.String()));

		assertThat(PipelineTopics.internalTopics("sp-a-v2", builder.build().describe())).isEmpty();
	}

	@Test
	void shouldNameTheInternalTopicsOfTablesAndForeignKeyJoins() {
		PipelineSpec spec = new SpecReader().read("""
				name: orders
				tables:
				  orders: { kafka: { topic: orders }, primaryKey: [order_id] }
				  customers: { kafka: { topic: customers }, primaryKey: [customer_id] }
				transforms:
				  joined: { from: orders, steps: [ { join: { table: customers, on: customer_id } } ] }
				outputs:
				  - { from: joined, kafka: { topic: joined } }
				""", SpecFormat.YAML).spec();
		Topology topology = new PipelineCompiler().compile(spec, new PipelineCounters()).topology();

		assertThat(PipelineTopics.internalTopics("sp-orders-v1", topology.describe())).contains(
				"sp-orders-v1-tables.orders.by-key-repartition", "sp-orders-v1-tables.customers.rows-changelog",
				"sp-orders-v1-transforms.joined.steps.0.join-subscription-registration-topic",
				"sp-orders-v1-transforms.joined.steps.0.join-subscription-response-topic",
				"sp-orders-v1-outputs.0.emitted-changelog");
	}

	@Test
	void shouldNeedNoSubscriptionTopicsForAJoinOnThePrimaryKey() {
		PipelineSpec spec = new SpecReader().read("""
				name: profiles
				tables:
				  users: { kafka: { topic: users }, primaryKey: [id] }
				  settings: { kafka: { topic: settings }, primaryKey: [user_id] }
				transforms:
				  profiles: { from: users, steps: [ { join: { table: settings, on: id } } ] }
				outputs:
				  - { from: profiles, kafka: { topic: profiles } }
				""", SpecFormat.YAML).spec();
		Topology topology = new PipelineCompiler().compile(spec, new PipelineCounters()).topology();

		assertThat(PipelineTopics.internalTopics("sp-p-v1", topology.describe()))
			.contains("sp-p-v1-tables.users.by-key-repartition", "sp-p-v1-tables.settings.by-key-repartition")
			.noneMatch(topic -> topic.contains("subscription"));
	}

}
