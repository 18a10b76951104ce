package io.streamplane.benchmarks.scale;

import java.time.Instant;

import io.streamplane.benchmarks.harness.Json;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Variant (b): the sessions as a Kafka Streams developer would write them by hand, with the same
 * logic and JSON as {@code scale/sessions.yaml}: event time from {@code ts}, re-key by user (a
 * repartition), count and sum per session (30-minute gap, 5 minutes' grace) in a cached RocksDB
 * session store, held back until the session closes, written as {@link SessionResult}s.
 */
final class HandWrittenSessions {

	private static final Serde<SessionEvent> EVENTS = Json.serde(SessionEvent.class);

	private static final Serde<Totals> TOTALS = Json.serde(Totals.class);

	private static final Serde<SessionResult> RESULTS = Json.serde(SessionResult.class);

	private HandWrittenSessions() {
	}

	/**
	 * A session's running aggregate.
	 *
	 * @param events events so far
	 * @param amount their amounts' sum
	 */
	record Totals(long events, long amount) {

		Totals add(SessionEvent event) {
			return new Totals(events + 1, amount + event.amount());
		}

		Totals merge(Totals other) {
			return new Totals(events + other.events, amount + other.amount);
		}

	}

	static Topology build(String input, String output) {
		StreamsBuilder builder = new StreamsBuilder();
		builder.stream(input, Consumed.with(Serdes.ByteArray(), EVENTS).withTimestampExtractor(eventTime()))
			.groupBy((key, event) -> Long.toString(event.userId()), Grouped.with(Serdes.String(), EVENTS))
			.windowedBy(SessionWindows.ofInactivityGapAndGrace(SessionWorkload.GAP, SessionWorkload.LATENESS))
			.aggregate(() -> new Totals(0, 0), (user, event, totals) -> totals.add(event),
					(user, left, right) -> left.merge(right), Materialized.with(Serdes.String(), TOTALS))
			.suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))
			.toStream()
			.filter((session, totals) -> totals != null)
			.map((session, totals) -> KeyValue.pair(session.key(), result(session, totals)))
			.to(output, Produced.with(Serdes.String(), RESULTS));
		return builder.build();
	}

	private static SessionResult result(Windowed<String> session, Totals totals) {
		return new SessionResult(Long.parseLong(session.key()), Instant.ofEpochMilli(session.window().start()).toString(),
				Instant.ofEpochMilli(session.window().end()).toString(), totals.events(), totals.amount());
	}

	private static TimestampExtractor eventTime() {
		return (record, partitionTime) -> record.value() instanceof SessionEvent event ? event.ts() : partitionTime;
	}

}
