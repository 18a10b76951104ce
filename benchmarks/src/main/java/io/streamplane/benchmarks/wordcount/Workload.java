package io.streamplane.benchmarks.wordcount;

import java.time.Duration;
import java.time.Instant;

/**
 * The fixed part of Pathway's word-count workload and the topics it uses. The topic names of
 * variant (a) are those in its spec resources; (b) and (c) use the same input topic.
 */
final class Workload {

	/** The tumbling window size. */
	static final Duration WINDOW = Duration.ofSeconds(10);

	/**
	 * How long after a window's end records still count. The input is unkeyed, so event time is
	 * ordered within each input partition only; the stream thread reads the partitions in turns of
	 * up to a fetch (about 1 MB, 20,000 words) each, so the repartitioned words reach the
	 * aggregation several seconds of event time out of order. With 5 s about 12% of the words were
	 * late in both (a) and (b); 30 s makes none late, so both count every word.
	 */
	static final Duration LATENESS = Duration.ofSeconds(30);

	/** The input topic, loaded once and read by every throughput run. */
	static final String INPUT = "words";

	/** The input topic of variant (a)'s latency run. */
	static final String LATENCY_INPUT = "words-latency";

	/** Variant (a)'s spec for throughput: final counts per closed window. */
	static final String SPEC_FINAL = "wordcount/wordcount-final.yaml";

	/** Variant (a)'s spec for latency: a count update per change. */
	static final String SPEC_UPDATES = "wordcount/wordcount-updates.yaml";

	private Workload() {
	}

	/** The start of the window holding {@code epochMillis}; windows are aligned to the epoch. */
	static long windowStart(long epochMillis) {
		return epochMillis - Math.floorMod(epochMillis, WINDOW.toMillis());
	}

	/**
	 * Where the loaded input's event time starts: an hour ago, on a window boundary, so every
	 * record timestamp lies in the broker's accepted range and within topic retention.
	 */
	static long eventTimeStart(Instant now) {
		return windowStart(now.minus(Duration.ofHours(1)).toEpochMilli());
	}

}
