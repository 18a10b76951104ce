package io.streamplane.engine.compile.internal.window;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A session store whose every put takes effect at the store's next operation, so that Kafka Streams'
 * session aggregation with {@code EmitStrategy.onWindowClose()} emits the sessions a record closes
 * before that record's put lets the store drop them.
 * <p>
 * The aggregation puts the record's session, then fetches the sessions that closed
 * ({@link #findSessions(long, long)}) to emit them. A put that advances the store's stream time also
 * drops every segment (RocksDB) or session (in memory) older than the retention, gap plus lateness,
 * which is the very close time: without this store, the sessions a record closes across a segment
 * boundary, and every session a jump of stream time by more than a segment closes, would be dropped
 * unseen. Deferred by one operation, the put lands after the fetch, once its iterator is closed.
 * Changelogging sits above this store, so the changelog sees every put at once.
 * <p>
 * A session that a merge moves to a later segment of a RocksDB store (its end crossed a segment boundary) is
 * not deleted from its old segment but overwritten there with an empty value, a marker that every read of
 * this store skips. Deleted, it would leave a tombstone, and once most sessions of a segment have moved on,
 * the segment is a run of tombstones that Kafka Streams' iterators (which set no upper bound in RocksDB)
 * step through to its end at every lookup of a key that has no session there: about 45,000 tombstones
 * per lookup at 200,000 users, the backlog slowed to 1,000 records a second until the segment expired
 * (docs/benchmarks.md, Scale). A marker is a live key, so such a lookup stops at it. Markers go with their
 * segment at the retention, as the tombstones would; the changelog still gets a tombstone (changelogging
 * sits above this store), so a restored store deletes instead.
 */
final class DeferredPutSessionStore extends WrappedStateStore<SessionStore<Bytes, byte[]>, Object, Object>
		implements SessionStore<Bytes, byte[]> {

	/** The value that marks a session moved to a later segment: never a serialized aggregate, which is never empty. */
	private static final byte[] MOVED = new byte[0];

	private final long segmentInterval;

	private final List<Windowed<Bytes>> pendingRemovals = new ArrayList<>();

	private Windowed<Bytes> pendingKey;

	private byte[] pendingValue;

	/**
	 * @param inner the store
	 * @param segmentInterval the inner store's segment interval in milliseconds, or 0 to delete every removed
	 *     session (a store without segments, e.g. in memory)
	 */
	DeferredPutSessionStore(SessionStore<Bytes, byte[]> inner, long segmentInterval) {
		super(inner);
		this.segmentInterval = segmentInterval;
	}

	@Override
	public void put(Windowed<Bytes> sessionKey, byte[] aggregate) {
		applyPendingPut();
		for (Windowed<Bytes> removed : pendingRemovals) {
			if (aggregate != null && movesToLaterSegment(removed, sessionKey)) {
				wrapped().put(removed, MOVED);
			}
			else {
				wrapped().remove(removed);
			}
		}
		pendingRemovals.clear();
		pendingKey = sessionKey;
		pendingValue = aggregate;
	}

	private boolean movesToLaterSegment(Windowed<Bytes> removed, Windowed<Bytes> merged) {
		return segmentInterval > 0 && removed.key().equals(merged.key())
				&& removed.window().end() / segmentInterval < merged.window().end() / segmentInterval;
	}

	/**
	 * The closed sessions, read before the pending put lets the store drop them: the put is applied when the
	 * iterator is closed. Read one by one, not copied, since one record can close millions of sessions (every
	 * session a jump of stream time closes); nothing else may use this store until the iterator is closed, as
	 * Kafka Streams' session aggregation forwards each session downstream in the meantime.
	 */
	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(long earliestSessionEndTime,
			long latestSessionEndTime) {
		return new SessionsWithoutMarkers(wrapped().findSessions(earliestSessionEndTime, latestSessionEndTime),
				this::applyPending);
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes key, long earliestSessionEndTime,
			long latestSessionStartTime) {
		applyPending();
		return new SessionsWithoutMarkers(wrapped().findSessions(key, earliestSessionEndTime, latestSessionStartTime));
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes key, long earliestSessionEndTime,
			long latestSessionStartTime) {
		applyPending();
		return new SessionsWithoutMarkers(wrapped().backwardFindSessions(key, earliestSessionEndTime, latestSessionStartTime));
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes keyFrom, Bytes keyTo,
			long earliestSessionEndTime, long latestSessionStartTime) {
		applyPending();
		return new SessionsWithoutMarkers(wrapped().findSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime));
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes keyFrom, Bytes keyTo,
			long earliestSessionEndTime, long latestSessionStartTime) {
		applyPending();
		return new SessionsWithoutMarkers(wrapped().backwardFindSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime));
	}

	@Override
	public byte[] fetchSession(Bytes key, long sessionStartTime, long sessionEndTime) {
		applyPending();
		byte[] aggregate = wrapped().fetchSession(key, sessionStartTime, sessionEndTime);
		return SessionsWithoutMarkers.isMarker(aggregate) ? null : aggregate;
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
		applyPending();
		return new SessionsWithoutMarkers(wrapped().fetch(key));
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes key) {
		applyPending();
		return new SessionsWithoutMarkers(wrapped().backwardFetch(key));
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
		applyPending();
		return new SessionsWithoutMarkers(wrapped().fetch(keyFrom, keyTo));
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo) {
		applyPending();
		return new SessionsWithoutMarkers(wrapped().backwardFetch(keyFrom, keyTo));
	}

	@Override
	public void remove(Windowed<Bytes> sessionKey) {
		applyPendingPut();
		pendingRemovals.add(sessionKey);
	}

	@Override
	public void flush() {
		applyPending();
		super.flush();
	}

	@Override
	public void close() {
		if (isOpen()) {
			applyPending();
		}
		super.close();
	}

	private void applyPending() {
		pendingRemovals.forEach(wrapped()::remove);
		pendingRemovals.clear();
		applyPendingPut();
	}

	private void applyPendingPut() {
		if (pendingKey != null) {
			Windowed<Bytes> key = pendingKey;
			pendingKey = null;
			wrapped().put(key, pendingValue);
			pendingValue = null;
		}
	}

}
