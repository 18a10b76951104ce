package io.streamplane.engine.compile.internal.interval;

/**
 * The state stores of one stream–stream join.
 *
 * @param self the join's window store of the transform's records
 * @param other the join's window store of the joined stream's records
 * @param streamTime the store of the join's stream time
 * @param pending the store of the events without a match yet, under a left, right or full join
 */
record JoinStores(String self, String other, String streamTime, String pending) {
}
