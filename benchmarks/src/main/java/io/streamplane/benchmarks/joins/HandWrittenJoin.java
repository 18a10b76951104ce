package io.streamplane.benchmarks.joins;

import io.streamplane.benchmarks.harness.Json;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Variant (b): the enrichment as a Kafka Streams developer would write it by hand for these
 * topics: both are keyed by user id and have the same partitions, so the page views are joined
 * with the users {@code KTable} as they are ({@code KStream.join}, no repartition), with
 * Jackson-bound records in and out and a materialized users store like the pipeline's.
 */
final class HandWrittenJoin {

	private static final Serde<PageView> VIEWS = Json.serde(PageView.class);

	private static final Serde<User> USERS = Json.serde(User.class);

	private static final Serde<EnrichedView> ENRICHED = Json.serde(EnrichedView.class);

	private HandWrittenJoin() {
	}

	static Topology build(String views, String users, String output) {
		StreamsBuilder builder = new StreamsBuilder();
		KTable<String, User> table = builder.table(users, Consumed.with(Serdes.String(), USERS),
				Materialized.with(Serdes.String(), USERS));
		builder.stream(views, Consumed.with(Serdes.String(), VIEWS))
			.join(table, EnrichedView::of)
			.to(output, Produced.with(Serdes.String(), ENRICHED));
		return builder.build();
	}

}
