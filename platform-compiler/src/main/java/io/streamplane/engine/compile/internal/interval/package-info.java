/**
 * Stream–stream joins within a time bound (interval joins): both streams re-keyed by their join
 * key and repartitioned, late records dead-lettered against the join's shared stream time, then
 * Kafka Streams' windowed {@code KStream.join} with {@code JoinWindows}. Of the other compiler
 * packages, uses {@code value}, {@code wiring} and {@code operator}.
 */
package io.streamplane.engine.compile.internal.interval;
