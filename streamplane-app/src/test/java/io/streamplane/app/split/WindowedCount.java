package io.streamplane.app.split;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A count per key and 10-second tumbling window of event time, emitted once the window closes, and its input:
 * {@code events} events over 20 keys, 40 a second of event time from {@code start}. The lateness spans all the
 * events, since the engines write to the same repartition partitions, one possibly far ahead of another in
 * event time.
 *
 * @param name the pipeline's name
 * @param start the first event's time
 * @param events how many events the test produces in all
 */
record WindowedCount(String name, Instant start, int events) {

	private static final int KEYS = 20;

	private static final int PER_SECOND = 40;

	String input() {
		return name + "-events";
	}

	String output() {
		return name + "-counts";
	}

	String applicationId() {
		return "sp-" + name + "-v1";
	}

	String spec() {
		return """
				name: %s
				sources:
				  events:
				    kafka: { topic: %s, format: json }
				    eventTime: { field: t, unit: seconds }
				    lateness: 1h
				    fields: { k: string, t: int }
				transforms:
				  counts:
				    from: events
				    steps:
				      - keyBy: k
				      - window: { tumbling: 10s, emit: final }
				        aggregate: { count: "count()" }
				outputs:
				  - { from: counts, kafka: { topic: %s, format: json } }
				""".formatted(name, input(), output());
	}

	/** Events {@code from} (inclusive) to {@code to} (exclusive), in event-time order, as key and JSON value. */
	List<Map.Entry<String, String>> between(int from, int to) {
		return IntStream.range(from, to).mapToObj(i -> event(key(i), time(i))).toList();
	}

	/** One event per key far enough after the last one to close every window, grace included. */
	List<Map.Entry<String, String>> closingEvents() {
		long flush = time(events) + Duration.ofHours(1).plusMinutes(1).toSeconds();
		return IntStream.range(0, KEYS).mapToObj(k -> event("k" + k, flush)).toList();
	}

	/** The count of every window of the {@code events} events, by {@link #row(String, Instant) row}. */
	Map<String, Long> expected() {
		Map<String, Long> counts = new HashMap<>();
		for (int i = 0; i < events; i++) {
			long t = time(i);
			counts.merge(row(key(i), Instant.ofEpochSecond(t - t % 10)), 1L, Long::sum);
		}
		return counts;
	}

	/** How a window's row is named in {@link #expected()}. */
	static String row(String key, Instant windowStart) {
		return key + "@" + windowStart;
	}

	private static String key(int i) {
		return "k" + (i * 7 % KEYS);
	}

	private long time(int i) {
		return start.getEpochSecond() + i / PER_SECOND;
	}

	private static Map.Entry<String, String> event(String key, long t) {
		return Map.entry(key, "{\"k\":\"" + key + "\",\"t\":" + t + "}");
	}

}
