package io.streamplane.benchmarks.groupby;

import io.streamplane.benchmarks.harness.Json;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Variant (b): orders per region as a Kafka Streams developer would write it by hand, the table
 * read as it is keyed ({@code builder.table}), re-keyed by region and counted
 * ({@code KTable.groupBy().count()}), with Jackson-bound rows and Kafka Streams' defaults (record
 * cache on).
 */
final class HandWrittenCount {

	private static final Serde<Order> ORDERS = Json.serde(Order.class);

	private HandWrittenCount() {
	}

	static Topology build(String orders, String output) {
		StreamsBuilder builder = new StreamsBuilder();
		builder.table(orders, Consumed.with(Serdes.String(), ORDERS))
			.groupBy((key, order) -> KeyValue.pair(order.region(), order), Grouped.with(Serdes.String(), ORDERS))
			.count()
			.toStream()
			.to(output, Produced.with(Serdes.String(), Serdes.Long()));
		return builder.build();
	}

}
