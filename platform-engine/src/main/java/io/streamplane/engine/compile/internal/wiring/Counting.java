package io.streamplane.engine.compile.internal.wiring;

import java.util.function.ObjLongConsumer;

/**
 * The counters a compiled topology increments, as callbacks into
 * {@link io.streamplane.engine.compile.PipelineCounters}.
 *
 * @param recordIn a record was read from an input topic
 * @param recordOut a record was written to an output topic
 * @param late a record arrived after its window closed
 * @param deadLetter a record was written to the dead-letter topic
 * @param tileWritten a tile of the named feature view was written, for an event of the given event time
 */
public record Counting(Runnable recordIn, Runnable recordOut, Runnable late, Runnable deadLetter,
		ObjLongConsumer<String> tileWritten) {

	/** Counters that ignore tile writes. */
	public Counting(Runnable recordIn, Runnable recordOut, Runnable late, Runnable deadLetter) {
		this(recordIn, recordOut, late, deadLetter, (view, time) -> {
		});
	}

}
