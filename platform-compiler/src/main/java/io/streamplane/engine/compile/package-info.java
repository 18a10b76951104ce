/**
 * The compiler's API: {@link io.streamplane.engine.compile.PipelineCompiler} turns a validated spec into a
 * Kafka Streams topology ({@link io.streamplane.engine.compile.CompiledPipeline}) with its counters and
 * dead-letter headers. May use the spec, Kafka Streams and its own {@code internal} packages; never the
 * runtime or CDC.
 */
package io.streamplane.engine.compile;
