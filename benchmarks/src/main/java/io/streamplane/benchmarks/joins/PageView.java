package io.streamplane.benchmarks.joins;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One event of the stream, written as JSON
 * {@code {"event_id": 17, "user_id": 4711, "page": "/docs/3", "ts": 1795000000000}} with the
 * Kafka record key {@code 4711}: the topic is keyed by user.
 *
 * @param eventId the event's sequence number
 * @param userId the user who viewed the page: the join key
 * @param page the page viewed
 * @param ts when, in milliseconds since the UTC epoch
 */
record PageView(@JsonProperty("event_id") long eventId, @JsonProperty("user_id") long userId, String page, long ts) {
}
