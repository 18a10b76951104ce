package io.streamplane.benchmarks.wordcount;

import io.streamplane.benchmarks.harness.Json;
import io.streamplane.spec.Emit;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Variant (b): the word count as a Kafka Streams developer would write it by hand, with the same
 * logic and JSON as the Streamplane spec: event time from {@code ts}, re-key by word (a repartition),
 * count per 10 s tumbling window with 5 s grace, and write {@link WordCount}s; final counts are
 * held back until their window closes, updates are written on every cache flush.
 */
final class HandWrittenTopology {

	private static final Serde<WordEvent> EVENTS = Json.serde(WordEvent.class);

	private static final Serde<WordCount> COUNTS = Json.serde(WordCount.class);

	private HandWrittenTopology() {
	}

	static Topology build(String input, String output, Emit emit) {
		StreamsBuilder builder = new StreamsBuilder();
		KTable<Windowed<String>, Long> counts = builder
			.stream(input, Consumed.with(Serdes.ByteArray(), EVENTS).withTimestampExtractor(eventTime()))
			.groupBy((key, event) -> event.word(), Grouped.with(Serdes.String(), EVENTS))
			.windowedBy(TimeWindows.ofSizeAndGrace(Workload.WINDOW, Workload.LATENESS))
			.count(Materialized.with(Serdes.String(), Serdes.Long()));
		KTable<Windowed<String>, Long> emitted = switch (emit) {
			case FINAL -> counts.suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()));
			case UPDATES -> counts;
		};
		emitted.toStream()
			.map((window, count) -> KeyValue.pair(window.key(), wordCount(window, count)))
			.to(output, Produced.with(Serdes.String(), COUNTS));
		return builder.build();
	}

	private static WordCount wordCount(Windowed<String> window, long count) {
		return new WordCount(window.key(), window.window().startTime().toString(),
				window.window().endTime().toString(), count);
	}

	private static TimestampExtractor eventTime() {
		return (record, partitionTime) -> record.value() instanceof WordEvent event ? event.ts() : partitionTime;
	}

}
