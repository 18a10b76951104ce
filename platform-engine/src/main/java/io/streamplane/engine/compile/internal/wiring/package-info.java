/**
 * What every concern's compiler is wired into: the {@link
 * io.streamplane.engine.compile.internal.wiring.Compilation} under way (topology builder, pipeline
 * name, dead-letter topic, counters), the {@link
 * io.streamplane.engine.compile.internal.wiring.Stream} passed between compilers, and the
 * dead-letter child every operator hangs off ({@link
 * io.streamplane.engine.compile.internal.wiring.DeadLetters}). Of the other compiler packages,
 * uses {@code value} and the Kafka Streams DSL.
 */
package io.streamplane.engine.compile.internal.wiring;
