package io.streamplane.engine.compile.internal.window;

import java.util.NoSuchElementException;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The sessions of a {@link DeferredPutSessionStore} read, without the markers (empty values) that sessions moved to a
 * later segment leave in their old one.
 */
final class SessionsWithoutMarkers implements KeyValueIterator<Windowed<Bytes>, byte[]> {

	private final KeyValueIterator<Windowed<Bytes>, byte[]> sessions;

	private final Runnable afterClose;

	private KeyValue<Windowed<Bytes>, byte[]> next;

	SessionsWithoutMarkers(KeyValueIterator<Windowed<Bytes>, byte[]> sessions) {
		this(sessions, () -> {
		});
	}

	/**
	 * @param sessions the sessions as stored
	 * @param afterClose what to do once {@code sessions} is closed
	 */
	SessionsWithoutMarkers(KeyValueIterator<Windowed<Bytes>, byte[]> sessions, Runnable afterClose) {
		this.sessions = sessions;
		this.afterClose = afterClose;
	}

	@Override
	public boolean hasNext() {
		while (next == null && sessions.hasNext()) {
			KeyValue<Windowed<Bytes>, byte[]> session = sessions.next();
			if (!isMarker(session.value)) {
				next = session;
			}
		}
		return next != null;
	}

	@Override
	public KeyValue<Windowed<Bytes>, byte[]> next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		KeyValue<Windowed<Bytes>, byte[]> session = next;
		next = null;
		return session;
	}

	@Override
	public Windowed<Bytes> peekNextKey() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return next.key;
	}

	@Override
	public void close() {
		try {
			sessions.close();
		}
		finally {
			afterClose.run();
		}
	}

	/** Whether a stored aggregate is the marker of a moved session: a serialized aggregate is never empty. */
	static boolean isMarker(byte[] aggregate) {
		return aggregate != null && aggregate.length == 0;
	}

}
