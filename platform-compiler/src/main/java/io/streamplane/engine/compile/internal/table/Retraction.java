package io.streamplane.engine.compile.internal.table;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The header marking a record of a changelog that carries its own retractions: the result row an
 * event had before its table row changed, recomputed by {@link ReplayedEvents} from the event and the
 * old row and forwarded right before the event's new result (a row, or {@code null} when it has none).
 * The per-row steps ({@link ChangelogStep}) apply themselves to it as to the new result, without
 * dead-lettering it again; the {@link ChangeStream} of an output turns it into the {@code "-"} record,
 * which it otherwise reads from its store of the rows last emitted.
 */
final class Retraction {

	/** The header's name. */
	static final String HEADER = "sp.retraction";

	private Retraction() {
	}

	/** Marks {@code headers} as those of a retraction. */
	static void mark(Headers headers) {
		headers.remove(HEADER).add(HEADER, new byte[0]);
	}

	/** A copy of {@code headers} without the mark; the record they belong to may go to other processors too. */
	static Headers removed(Headers headers) {
		return new RecordHeaders(headers).remove(HEADER);
	}

	/** Whether {@code headers} are those of a retraction. */
	static boolean marks(Headers headers) {
		return headers.lastHeader(HEADER) != null;
	}

}
