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
 * @param indexWritten a row change was written to an index topic
 */
public record Counting(Runnable recordIn, Runnable recordOut, Runnable late, Runnable deadLetter,
		ObjLongConsumer<String> tileWritten, IndexWrites indexWritten) {

	/** Counters that ignore tile and index writes. */
	public Counting(Runnable recordIn, Runnable recordOut, Runnable late, Runnable deadLetter) {
		this(recordIn, recordOut, late, deadLetter, (view, time) -> {
		}, (index, delete, time) -> {
		});
	}

	/** Receives every row change written to an index topic. */
	@FunctionalInterface
	public interface IndexWrites {

		/**
		 * @param index the index name
		 * @param delete whether the change deletes the row (else it upserts it)
		 * @param sourceTimeMs when the change happened at its source (the record timestamp), epoch milliseconds
		 */
		void written(String index, boolean delete, long sourceTimeMs);

	}

}
