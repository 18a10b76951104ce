package io.streamplane.benchmarks.joins;

import io.streamplane.benchmarks.harness.Json;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Variant (b): the enrichment as a Kafka Streams developer would write it by hand for these
 * topics: both are keyed by user id and have the same partitions, so the page views are joined
 * with the users {@code KTable} as they are ({@code KStream.join}, no repartition), with
 * Jackson-bound records in and out and a materialized users store like the pipeline's. Variant
 * (d) re-keys the views first, as one would for a topic keyed otherwise.
 */
final class HandWrittenJoin {

	private static final Serde<PageView> VIEWS = Json.serde(PageView.class);

	private static final Serde<User> USERS = Json.serde(User.class);

	private static final Serde<EnrichedView> ENRICHED = Json.serde(EnrichedView.class);

	private HandWrittenJoin() {
	}

	/**
	 * @param rekey whether to re-key the views by {@code user_id} first, as for a topic not keyed by
	 * user: Kafka Streams then repartitions them before the join
	 */
	static Topology build(String views, String users, String output, boolean rekey) {
		StreamsBuilder builder = new StreamsBuilder();
		KTable<String, User> table = builder.table(users, Consumed.with(Serdes.String(), USERS),
				Materialized.with(Serdes.String(), USERS));
		KStream<String, PageView> stream = builder.stream(views, Consumed.with(Serdes.String(), VIEWS));
		if (rekey) {
			stream = stream.selectKey((key, view) -> Long.toString(view.userId()));
		}
		stream.join(table, EnrichedView::of, Joined.with(Serdes.String(), VIEWS, USERS))
			.to(output, Produced.with(Serdes.String(), ENRICHED));
		return builder.build();
	}

}
