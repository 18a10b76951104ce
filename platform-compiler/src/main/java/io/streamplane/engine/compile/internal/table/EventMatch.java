package io.streamplane.engine.compile.internal.table;

import io.streamplane.engine.compile.internal.value.Row;

/**
 * An event of a reactive join with the table row its join key finds when it arrives, {@code null}
 * when there is none: what the stream–table join hands to {@link RememberedEvents}.
 *
 * @param event the event
 * @param tableRow the table row, or {@code null}
 */
record EventMatch(Row event, Row tableRow) {

}
