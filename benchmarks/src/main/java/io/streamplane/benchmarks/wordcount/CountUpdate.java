package io.streamplane.benchmarks.wordcount;

import java.time.Instant;

import io.streamplane.benchmarks.harness.Json;

/**
 * A count update as a consumer of the output saw it.
 *
 * @param key the word and window, as {@link SendLog#key}
 * @param count the count the update carries
 * @param seenMillis the wall-clock time the consumer received it
 */
record CountUpdate(String key, long count, long seenMillis) {

	/** Decodes a {@link WordCount} output record. */
	static CountUpdate decode(byte[] json, long seenMillis) {
		WordCount count = Json.read(json, WordCount.class);
		long windowStart = Instant.parse(count.windowStart()).toEpochMilli();
		return new CountUpdate(SendLog.key(count.word(), windowStart), count.count(), seenMillis);
	}

}
