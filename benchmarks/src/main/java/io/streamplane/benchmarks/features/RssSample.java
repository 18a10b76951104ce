package io.streamplane.benchmarks.features;

import java.util.List;

/**
 * The serving process's RSS over the tile updates.
 *
 * @param updates tile updates produced
 * @param ingested updates the server had ingested at the last sample
 * @param seconds how long the ingest took
 * @param kilobytes RSS samples, one per second, the first before any update
 */
record RssSample(long updates, long ingested, double seconds, List<Long> kilobytes) {

	long first() {
		return kilobytes.getFirst();
	}

	long last() {
		return kilobytes.getLast();
	}

	long max() {
		return kilobytes.stream().mapToLong(Long::longValue).max().orElse(0);
	}

}
