package io.streamplane.engine.compile.internal.table;

import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.JoinType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Before a reactive join of a stream: names each event by its {@link EventNames identity}.
 * {@link #byIdentity By identity} (the layout of engines before issue 14), the event is forwarded
 * keyed by its identity, a row of a table of remembered events; {@link #byJoinKey by join key}, it
 * is forwarded keyed by its join key, its identity in a header (an event of a left join whose join
 * key is {@code null}, which can never match, marked so, with the
 * {@link RememberedEvents#NO_KEY placeholder key}). Events whose join key fails are dead-lettered;
 * under an inner join, an event with a {@code null} join key never matches and is not remembered.
 * End-of-input markers are dropped: the result is a table.
 */
final class EventIdentity implements Processor<String, Row, String, Row> {

	private final String path;

	private final String deadLetter;

	private final JoinKey joinKey;

	private final JoinType type;

	private final boolean keyedByJoinKey;

	private final EventNames names = new EventNames();

	private ProcessorContext<String, Row> context;

	private EventIdentity(String path, String deadLetter, JoinKey joinKey, JoinType type, boolean keyedByJoinKey) {
		this.path = path;
		this.deadLetter = deadLetter;
		this.joinKey = joinKey;
		this.type = type;
		this.keyedByJoinKey = keyedByJoinKey;
	}

	/** Events keyed by their identity. */
	static EventIdentity byIdentity(String path, String deadLetter, JoinKey joinKey, JoinType type) {
		return new EventIdentity(path, deadLetter, joinKey, type, false);
	}

	/** Events keyed by their join key, their identity in a header. */
	static EventIdentity byJoinKey(String path, String deadLetter, JoinKey joinKey, JoinType type) {
		return new EventIdentity(path, deadLetter, joinKey, type, true);
	}

	@Override
	public void init(ProcessorContext<String, Row> context) {
		this.context = context;
	}

	@Override
	public void process(Record<String, Row> record) {
		Row row = record.value();
		if (row.marker()) {
			return;
		}
		String key;
		try {
			key = joinKey.of(record.key(), row);
		}
		catch (RecordException ex) {
			context.forward(record.withValue(row.fail(Failure.of(path, ex))), deadLetter);
			return;
		}
		if (key == null && !type.keepsUnmatchedRows()) {
			return;
		}
		String identity = names.next(context, record.timestamp());
		if (!keyedByJoinKey) {
			context.forward(new Record<>(identity, row, record.timestamp(), record.headers()));
			return;
		}
		Record<String, Row> keyed = new Record<>(key == null ? RememberedEvents.NO_KEY : key, row, record.timestamp(),
				record.headers());
		EventNames.mark(keyed.headers(), identity, key == null);
		context.forward(keyed);
	}

}
