package io.streamplane.engine.compile.internal.table;

import java.nio.charset.StandardCharsets;

import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.JoinType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Before a reactive join of a stream: names each event by its identity
 * {@code <topic>/<partition>/<offset>} (with {@code /<n>} for the n-th of several records made from
 * one input record, e.g. by {@code explode}), which is stable when records are reprocessed; a
 * record forwarded by a punctuation, which has no input record, is named by its task and timestamp
 * instead. {@link #byIdentity By identity} (the layout of engines before issue 14), the event is
 * forwarded keyed by its identity, a row of a table of remembered events; {@link #byJoinKey by join
 * key}, it is forwarded keyed by its join key, with its identity in the header {@link #IDENTITY}
 * (an event of a left join whose join key is {@code null}, which can never match, with the
 * header {@link #NO_JOIN_KEY} and the {@link RememberedEvents#NO_KEY placeholder key}). Events
 * whose join key fails are dead-lettered; under an inner join, an event with a {@code null} join
 * key never matches and is not remembered. End-of-input markers are dropped: the result is a table.
 */
final class EventIdentity implements Processor<String, Row, String, Row> {

	/** The header carrying an event's identity from before the repartition by join key to the join. */
	static final String IDENTITY = "sp.identity";

	/** The header marking an event whose join key is {@code null}. */
	static final String NO_JOIN_KEY = "sp.no-join-key";

	private final String path;

	private final String deadLetter;

	private final JoinKey joinKey;

	private final JoinType type;

	private final boolean keyedByJoinKey;

	private ProcessorContext<String, Row> context;

	private String lastSource;

	private int sequence;

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

	/** Events keyed by their join key, their identity in the header {@link #IDENTITY}. */
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
		String identity = identity(record.timestamp());
		if (!keyedByJoinKey) {
			context.forward(new Record<>(identity, row, record.timestamp(), record.headers()));
			return;
		}
		Record<String, Row> keyed = new Record<>(key == null ? RememberedEvents.NO_KEY : key, row, record.timestamp(),
				record.headers());
		keyed.headers().remove(IDENTITY).remove(NO_JOIN_KEY).add(IDENTITY, identity.getBytes(StandardCharsets.UTF_8));
		if (key == null) {
			keyed.headers().add(NO_JOIN_KEY, new byte[0]);
		}
		context.forward(keyed);
	}

	private String identity(long timestamp) {
		String source = context.recordMetadata()
			.map(metadata -> metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset())
			.orElseGet(() -> "task/" + context.taskId() + "/" + timestamp);
		if (source.equals(lastSource)) {
			sequence++;
			return source + "/" + sequence;
		}
		lastSource = source;
		sequence = 0;
		return source;
	}

}
