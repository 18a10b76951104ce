package io.streamplane.benchmarks.wordcount;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One output record of the word count, the shape the Streamplane pipeline writes:
 * {@code {"word": "qwertyu", "window_start": "2026-…Z", "window_end": "2026-…Z", "count": 17}}.
 *
 * @param word the word counted
 * @param windowStart the window's inclusive start, ISO-8601 UTC
 * @param windowEnd the window's exclusive end, ISO-8601 UTC
 * @param count how many times the word occurred in the window so far
 */
record WordCount(String word, @JsonProperty("window_start") String windowStart,
		@JsonProperty("window_end") String windowEnd, long count) {
}
