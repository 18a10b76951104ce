package io.streamplane.engine.runtime;

import io.streamplane.engine.compile.PipelineCompiler;
import io.streamplane.engine.compile.PipelineCounters;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineTopicsTest {

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
