package io.streamplane.benchmarks.streamjoin;

import java.time.Duration;

import io.streamplane.benchmarks.harness.Json;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.StreamJoined;

/**
 * Variant (b): the join as a Kafka Streams developer would write it by hand for these topics: the
 * impressions are keyed by impression id already, the clicks are re-keyed by it ({@code selectKey},
 * so Kafka Streams repartitions them), then {@code KStream.join} (or {@code leftJoin}) with
 * {@code JoinWindows.ofTimeDifferenceAndGrace(10m, 10m)}, Jackson-bound records in and out.
 */
final class HandWrittenStreamJoin {

	private static final Serde<Impression> IMPRESSIONS = Json.serde(Impression.class);

	private static final Serde<Click> CLICKS = Json.serde(Click.class);

	private static final Serde<ClickedImpression> CLICKED = Json.serde(ClickedImpression.class);

	private HandWrittenStreamJoin() {
	}

	static Topology build(String impressions, String clicks, String output, Duration within, Duration lateness,
			boolean left) {
		StreamsBuilder builder = new StreamsBuilder();
		KStream<String, Impression> shown = builder.stream(impressions, Consumed.with(Serdes.String(), IMPRESSIONS));
		KStream<String, Click> clicked = builder.stream(clicks, Consumed.with(Serdes.String(), CLICKS))
			.selectKey((key, click) -> click.impressionId());
		JoinWindows windows = JoinWindows.ofTimeDifferenceAndGrace(within, lateness);
		StreamJoined<String, Impression, Click> stores = StreamJoined.with(Serdes.String(), IMPRESSIONS, CLICKS);
		(left ? shown.leftJoin(clicked, ClickedImpression::of, windows, stores)
				: shown.join(clicked, ClickedImpression::of, windows, stores))
			.to(output, Produced.with(Serdes.String(), CLICKED));
		return builder.build();
	}

}
