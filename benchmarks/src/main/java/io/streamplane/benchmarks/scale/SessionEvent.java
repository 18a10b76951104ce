package io.streamplane.benchmarks.scale;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One input event, written as JSON {@code {"user_id": 4711, "amount": 17, "ts": 1795000000000}}
 * without a record key: both variants re-key by user.
 *
 * @param userId the user: the session key
 * @param amount summed per session
 * @param ts event time, milliseconds since the UTC epoch
 */
record SessionEvent(@JsonProperty("user_id") long userId, long amount, long ts) {
}
