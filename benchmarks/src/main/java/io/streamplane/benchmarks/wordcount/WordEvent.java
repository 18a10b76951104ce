package io.streamplane.benchmarks.wordcount;

/**
 * One input record, written as JSON {@code {"ts": 1795000000000, "word": "qwertyu"}}.
 *
 * @param ts the event time in milliseconds since the UTC epoch
 * @param word one 7-letter word
 */
record WordEvent(long ts, String word) {
}
