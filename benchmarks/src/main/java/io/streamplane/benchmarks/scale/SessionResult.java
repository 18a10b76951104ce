package io.streamplane.benchmarks.scale;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One output record, the shape the Streamplane pipeline writes:
 * {@code {"user_id": 4711, "window_start": "2026-…Z", "window_end": "2026-…Z", "events": 2, "amount": 34}}.
 *
 * @param userId the session's user
 * @param windowStart the time of the session's first event, ISO-8601 UTC
 * @param windowEnd the time of its last event, ISO-8601 UTC
 * @param events the number of events in the session
 * @param amount the sum of their amounts
 */
record SessionResult(@JsonProperty("user_id") long userId, @JsonProperty("window_start") String windowStart,
		@JsonProperty("window_end") String windowEnd, long events, long amount) {
}
