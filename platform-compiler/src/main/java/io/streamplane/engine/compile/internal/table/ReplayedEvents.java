package io.streamplane.engine.compile.internal.table;

import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.JoinType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The table side of a reactive join partitioned by join key: for each change of a table row (the
 * new row, {@code null} for a delete), finds the events {@link RememberedEvents} remembered under
 * its key with one prefix scan, in identity order, and forwards each event's new result row keyed
 * by its identity, with the change's timestamp: the event joined with the new row; for a delete,
 * a delete ({@code null}) in an inner join and the event alone in a left join. The change stream
 * of the output turns these into the retraction of the old result and the insertion of the new.
 * <p>
 * When the join {@link #retracting retracts} (its results reach outputs through per-row steps only),
 * the store also holds, under the bare prefix of a join key with events, the table row they were last
 * joined with; each event's new result is then preceded by its old one, recomputed from the event and
 * that row and marked as a {@link Retraction} (none where there was no old result), and the row is
 * replaced by the new one. The outputs then need no store of the rows they last emitted.
 */
final class ReplayedEvents implements Processor<String, Row, String, Row> {

	private static final StringSerializer KEYS = new StringSerializer();

	private final String store;

	private final JoinedRows joiner;

	private final JoinType type;

	private final boolean retracting;

	private KeyValueStore<String, Row> events;

	private ProcessorContext<String, Row> context;

	private ReplayedEvents(String store, JoinedRows joiner, JoinType type, boolean retracting) {
		this.store = store;
		this.joiner = joiner;
		this.type = type;
		this.retracting = retracting;
	}

	/** Forwards each event's new result; the output's change stream remembers what it emitted. */
	static ReplayedEvents replacing(String store, JoinedRows joiner, JoinType type) {
		return new ReplayedEvents(store, joiner, type, false);
	}

	/** Forwards each event's old result as a {@link Retraction}, then its new result. */
	static ReplayedEvents retracting(String store, JoinedRows joiner, JoinType type) {
		return new ReplayedEvents(store, joiner, type, true);
	}

	@Override
	public void init(ProcessorContext<String, Row> context) {
		this.context = context;
		this.events = context.getStateStore(store);
	}

	@Override
	public void process(Record<String, Row> record) {
		Row tableRow = record.value();
		if (record.key() == null || tableRow != null && tableRow.marker()) {
			return;
		}
		String prefix = RememberedEvents.prefix(record.key());
		Row oldRow = retracting ? events.get(prefix) : null;
		boolean replayed = false;
		try (KeyValueIterator<String, Row> remembered = events.prefixScan(prefix, KEYS)) {
			while (remembered.hasNext()) {
				KeyValue<String, Row> event = remembered.next();
				if (event.key.length() == prefix.length()) {
					continue;
				}
				replayed = true;
				String identity = event.key.substring(prefix.length());
				if (retracting) {
					retract(identity, result(event.value, oldRow), record);
				}
				context.forward(new Record<>(identity, result(event.value, tableRow), record.timestamp(), record.headers()));
			}
		}
		if (retracting && replayed) {
			RememberedEvents.joinedWith(events, prefix, tableRow);
		}
	}

	private void retract(String identity, Row old, Record<String, Row> change) {
		if (old == null) {
			return;
		}
		Record<String, Row> retraction = new Record<>(identity, old, change.timestamp(), change.headers());
		Retraction.mark(retraction.headers());
		context.forward(retraction);
	}

	private Row result(Row event, Row tableRow) {
		if (tableRow != null) {
			return joiner.apply(event, tableRow);
		}
		return type.keepsUnmatchedRows() ? event : null;
	}

}
