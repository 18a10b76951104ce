package io.streamplane.engine.compile.internal.interval;

import java.util.List;

import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Beside Kafka Streams' inner {@code KStream.join}, on one side of a left, right or full
 * stream–stream join: keeps track of the events that have found no match, and emits each, joined
 * with {@code null}, once stream time passes its time {@code + within + lateness}. A record looks
 * for its matches in the join's window store of the other side (which holds every earlier record
 * of that side, whether or not the join has yet seen this one): without any, and on a kept side,
 * it waits in the {@link PendingEvents}; with some, the matches of the other side that were
 * waiting are forgotten. Records without a join key do not come here (see {@link NullJoinKeys});
 * one that would is dropped, as by the join. All state is in changelogged stores, so that exactly-once holds.
 */
final class UnmatchedEvents implements Processor<String, Row, String, Row> {

	private final boolean thisSide;

	private final boolean keepsThis;

	private final boolean keepsOther;

	private final long within;

	private final long close;

	private final JoinStores names;

	private final SharedStreamTime sharedTime;

	private final PendingEvents.Shared sharedPending;

	private final JoinedPairs joiner;

	private ProcessorContext<String, Row> context;

	private WindowStore<String, Row> otherWindow;

	private SharedStreamTime.Clock clock;

	private PendingEvents pending;

	/**
	 * @param thisSide whether this tracker is on the transform's side, rather than the joined stream's
	 * @param within the join's bound, in milliseconds
	 * @param close {@code within + lateness}, in milliseconds: how long after its time an event's window closes
	 */
	UnmatchedEvents(boolean thisSide, boolean keepsThis, boolean keepsOther, long within, long close, JoinStores names,
			SharedStreamTime sharedTime, PendingEvents.Shared sharedPending, JoinedPairs joiner) {
		this.thisSide = thisSide;
		this.keepsThis = keepsThis;
		this.keepsOther = keepsOther;
		this.within = within;
		this.close = close;
		this.names = names;
		this.sharedTime = sharedTime;
		this.sharedPending = sharedPending;
		this.joiner = joiner;
	}

	@Override
	public void init(ProcessorContext<String, Row> context) {
		this.context = context;
		this.otherWindow = context.getStateStore(thisSide ? names.other() : names.self());
		KeyValueStore<String, Long> time = context.getStateStore(names.streamTime());
		this.clock = sharedTime.open(context.taskId(), time);
		KeyValueStore<Bytes, List<Row>> store = context.getStateStore(names.pending());
		this.pending = sharedPending.open(context.taskId(), store);
	}

	@Override
	public void process(Record<String, Row> record) {
		pending.closeBefore(clock.time() - close, event -> context.forward(new Record<>(event.key(),
				unmatched(event.thisSide(), event.row()), event.time())));
		if (record.key() == null) {
			return;
		}
		long time = record.timestamp();
		boolean matched = false;
		boolean othersKept = thisSide ? keepsOther : keepsThis;
		try (WindowStoreIterator<Row> matches = otherWindow.fetch(record.key(), Math.max(0, time - within),
				Math.max(0, time + within))) {
			while (matches.hasNext() && (othersKept || !matched)) {
				long matchTime = matches.next().key;
				matched = true;
				if (othersKept) {
					pending.matched(record.key(), !thisSide, matchTime);
				}
			}
		}
		if (!matched && (thisSide ? keepsThis : keepsOther)) {
			pending.add(record.key(), thisSide, time, record.value());
		}
	}

	@Override
	public void close() {
		sharedPending.close(context.taskId());
	}

	private Row unmatched(boolean ofThisSide, Row row) {
		return ofThisSide ? joiner.apply(row, null) : joiner.apply(null, row);
	}

}
