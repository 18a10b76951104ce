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
 */
final class ReplayedEvents implements Processor<String, Row, String, Row> {

	private static final StringSerializer KEYS = new StringSerializer();

	private final String store;

	private final JoinedRows joiner;

	private final JoinType type;

	private KeyValueStore<String, Row> events;

	private ProcessorContext<String, Row> context;

	ReplayedEvents(String store, JoinedRows joiner, JoinType type) {
		this.store = store;
		this.joiner = joiner;
		this.type = type;
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
		try (KeyValueIterator<String, Row> remembered = events.prefixScan(prefix, KEYS)) {
			while (remembered.hasNext()) {
				KeyValue<String, Row> event = remembered.next();
				String identity = event.key.substring(prefix.length());
				context.forward(new Record<>(identity, result(event.value, tableRow), record.timestamp(), record.headers()));
			}
		}
	}

	private Row result(Row event, Row tableRow) {
		if (tableRow != null) {
			return joiner.apply(event, tableRow);
		}
		return type.keepsUnmatchedRows() ? event : null;
	}

}
