package io.streamplane.benchmarks.groupby;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of the orders table, written as JSON {@code {"order_id": 17, "region": "r42", "amount": 30}}
 * with the Kafka record key {@code 17}; a tombstone deletes it.
 *
 * @param orderId the primary key
 * @param region the group
 * @param amount the order's amount
 */
record Order(@JsonProperty("order_id") long orderId, String region, long amount) {
}
