package io.streamplane.engine.compile.internal;

/**
 * The counters a compiled topology increments, as callbacks into
 * {@link io.streamplane.engine.compile.PipelineCounters}.
 *
 * @param recordIn a record was read from an input topic
 * @param recordOut a record was written to an output topic
 * @param late a record arrived after its window closed
 * @param deadLetter a record was written to the dead-letter topic
 */
public record Counting(Runnable recordIn, Runnable recordOut, Runnable late, Runnable deadLetter) {
}
