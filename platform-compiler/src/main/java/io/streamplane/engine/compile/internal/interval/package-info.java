/**
 * Stream–stream joins within a time bound (interval joins): both streams re-keyed by their join
 * key and repartitioned, late records dead-lettered against the join's shared stream time, then
 * Kafka Streams' windowed {@code KStream.join} with {@code JoinWindows}; under a left, right or
 * full join, the events without a match tracked beside it and emitted when their window closes.
 * Of the other compiler packages, uses {@code value}, {@code wiring} and {@code operator}.
 */
package io.streamplane.engine.compile.internal.interval;
