package io.streamplane.engine.runtime;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
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

}
