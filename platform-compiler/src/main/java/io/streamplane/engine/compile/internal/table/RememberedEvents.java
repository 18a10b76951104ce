package io.streamplane.engine.compile.internal.table;

import java.nio.charset.StandardCharsets;

import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.JoinType;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The event side of a reactive join partitioned by join key: each event, keyed by its join key and
 * met with its table row by the stream–table join, is remembered in a store under its join key and
 * {@link EventNames identity} ({@link #key}), so that {@link ReplayedEvents} finds every event
 * of a changed row with one prefix scan, and its result row is forwarded keyed by its identity: the
 * event joined with the row, the event alone in a left join without a row, nothing in an inner
 * join without one (the row, when it comes, emits it). An event of a left join whose join key is
 * {@code null} can never match: it is forwarded alone and not remembered. Remembered events are
 * kept for the life of the pipeline, as before.
 * <p>
 * When the join {@link ReplayedEvents#retracting retracts}, the store also holds, under the bare
 * {@link #prefix} of a join key with events, the table row they were joined with: written with the
 * first event that finds a row, then kept by {@link ReplayedEvents} as the row changes. Whether it is
 * there is looked up once per join key, not per event, while the key is {@link KnownJoinedRows known}.
 */
final class RememberedEvents implements Processor<String, EventMatch, String, Row> {

	/** The key of events whose join key is {@code null}: they are marked by a header, never looked up. */
	static final String NO_KEY = "";

	private final String store;

	private final JoinedRows joiner;

	private final JoinType type;

	private final boolean retracting;

	private KeyValueStore<String, Row> events;

	private KnownJoinedRows known;

	private ProcessorContext<String, Row> context;

	/**
	 * @param retracting whether to keep the table row the events of a join key were joined with, from which
	 *        {@link ReplayedEvents#retracting} recomputes their retractions
	 */
	RememberedEvents(String store, JoinedRows joiner, JoinType type, boolean retracting) {
		this.store = store;
		this.joiner = joiner;
		this.type = type;
		this.retracting = retracting;
	}

	/**
	 * The store key of an event: its join key's length, {@code :}, the join key, then its identity,
	 * so that the keys of one join key share the prefix {@link #prefix} and no other key has it.
	 */
	static String key(String joinKey, String identity) {
		return prefix(joinKey) + identity;
	}

	/** The prefix of the store keys of the events of {@code joinKey}. */
	static String prefix(String joinKey) {
		return joinKey.length() + ":" + joinKey;
	}

	/** Keeps {@code tableRow} as the row the events under {@code prefix} were last joined with; {@code null}: none. */
	static void joinedWith(KeyValueStore<String, Row> events, String prefix, Row tableRow) {
		if (tableRow == null) {
			events.delete(prefix);
		}
		else {
			events.put(prefix, tableRow);
		}
	}

	@Override
	public void init(ProcessorContext<String, Row> context) {
		this.context = context;
		this.events = context.getStateStore(store);
		this.known = new KnownJoinedRows();
	}

	@Override
	public void process(Record<String, EventMatch> record) {
		Headers headers = record.headers();
		Header identityHeader = headers.lastHeader(EventNames.IDENTITY);
		if (identityHeader == null) {
			return;
		}
		String identity = new String(identityHeader.value(), StandardCharsets.UTF_8);
		boolean unmatchable = headers.lastHeader(EventNames.NO_JOIN_KEY) != null;
		headers.remove(EventNames.IDENTITY).remove(EventNames.NO_JOIN_KEY);
		Row event = record.value().event();
		if (unmatchable) {
			context.forward(new Record<>(identity, event, record.timestamp(), headers));
			return;
		}
		events.put(key(record.key(), identity), event);
		Row tableRow = record.value().tableRow();
		if (retracting && tableRow != null && !known.contains(record.key())) {
			if (events.get(prefix(record.key())) == null) {
				joinedWith(events, prefix(record.key()), tableRow);
			}
			known.add(record.key());
		}
		if (tableRow != null || type.keepsUnmatchedRows()) {
			context.forward(new Record<>(identity, joiner.apply(event, tableRow), record.timestamp(), headers));
		}
	}

}
