package io.streamplane.engine.compile.internal.window;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
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
 * unseen. Deferred by one operation, the put lands after the fetch, which reads every result before
 * it returns. Changelogging sits above this store, so the changelog sees every put at once.
 */
final class DeferredPutSessionStore extends WrappedStateStore<SessionStore<Bytes, byte[]>, Object, Object>
		implements SessionStore<Bytes, byte[]> {

	private Windowed<Bytes> pendingKey;

	private byte[] pendingValue;

	DeferredPutSessionStore(SessionStore<Bytes, byte[]> inner) {
		super(inner);
	}

	@Override
	public void put(Windowed<Bytes> sessionKey, byte[] aggregate) {
		applyPending();
		pendingKey = sessionKey;
		pendingValue = aggregate;
	}

	/** The closed sessions, read in full before the pending put lets the store drop them. */
	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(long earliestSessionEndTime,
			long latestSessionEndTime) {
		List<KeyValue<Windowed<Bytes>, byte[]>> closed = new ArrayList<>();
		try (KeyValueIterator<Windowed<Bytes>, byte[]> sessions = wrapped().findSessions(earliestSessionEndTime,
				latestSessionEndTime)) {
			sessions.forEachRemaining(closed::add);
		}
		applyPending();
		return new ListIterator(closed);
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes key, long earliestSessionEndTime,
			long latestSessionStartTime) {
		applyPending();
		return wrapped().findSessions(key, earliestSessionEndTime, latestSessionStartTime);
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes key, long earliestSessionEndTime,
			long latestSessionStartTime) {
		applyPending();
		return wrapped().backwardFindSessions(key, earliestSessionEndTime, latestSessionStartTime);
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes keyFrom, Bytes keyTo,
			long earliestSessionEndTime, long latestSessionStartTime) {
		applyPending();
		return wrapped().findSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime);
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes keyFrom, Bytes keyTo,
			long earliestSessionEndTime, long latestSessionStartTime) {
		applyPending();
		return wrapped().backwardFindSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime);
	}

	@Override
	public byte[] fetchSession(Bytes key, long sessionStartTime, long sessionEndTime) {
		applyPending();
		return wrapped().fetchSession(key, sessionStartTime, sessionEndTime);
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
		applyPending();
		return wrapped().fetch(key);
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes key) {
		applyPending();
		return wrapped().backwardFetch(key);
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
		applyPending();
		return wrapped().fetch(keyFrom, keyTo);
	}

	@Override
	public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo) {
		applyPending();
		return wrapped().backwardFetch(keyFrom, keyTo);
	}

	@Override
	public void remove(Windowed<Bytes> sessionKey) {
		applyPending();
		wrapped().remove(sessionKey);
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
		if (pendingKey != null) {
			Windowed<Bytes> key = pendingKey;
			pendingKey = null;
			wrapped().put(key, pendingValue);
			pendingValue = null;
		}
	}

	/** The closed sessions read by {@link #findSessions(long, long)}. */
	private static final class ListIterator implements KeyValueIterator<Windowed<Bytes>, byte[]> {

		private final List<KeyValue<Windowed<Bytes>, byte[]>> sessions;

		private int next;

		ListIterator(List<KeyValue<Windowed<Bytes>, byte[]>> sessions) {
			this.sessions = sessions;
		}

		@Override
		public boolean hasNext() {
			return next < sessions.size();
		}

		@Override
		public KeyValue<Windowed<Bytes>, byte[]> next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return sessions.get(next++);
		}

		@Override
		public Windowed<Bytes> peekNextKey() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return sessions.get(next).key;
		}

		@Override
		public void close() {
		}

	}

}
