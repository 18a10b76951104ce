package io.streamplane.engine.compile.internal.window;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.SessionWindow;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.SessionStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Issue 19: a session that a merge moves to a later segment leaves a marker, not a tombstone, in its old one. */
class DeferredPutSessionStoreTest {

	private static final long SEGMENT = 1_000;

	@SuppressWarnings("unchecked")
	private final SessionStore<Bytes, byte[]> inner = mock(SessionStore.class);

	private final DeferredPutSessionStore store = new DeferredPutSessionStore(inner, SEGMENT);

	@Test
	void shouldMarkASessionThatAMergeMovesToALaterSegmentInsteadOfDeletingIt() {
		store.remove(session("u", 900, 950));
		store.put(session("u", 900, 1_100), aggregate(2));

		verify(inner).put(eq(session("u", 900, 950)), eq(new byte[0]));
		verify(inner, never()).remove(any());
	}

	@Test
	void shouldDeleteASessionThatAMergeKeepsInItsSegment() {
		store.remove(session("u", 100, 200));
		store.put(session("u", 100, 300), aggregate(2));

		verify(inner).remove(session("u", 100, 200));
		verify(inner, never()).put(eq(session("u", 100, 200)), any());
	}

	@Test
	void shouldDeleteEverySessionOfAStoreWithoutSegments() {
		DeferredPutSessionStore inMemory = new DeferredPutSessionStore(inner, 0);

		inMemory.remove(session("u", 900, 950));
		inMemory.put(session("u", 900, 1_100), aggregate(2));

		verify(inner).remove(session("u", 900, 950));
	}

	@Test
	void shouldApplyTheRemovalBeforeTheDeferredPutAtTheNextRead() {
		when(inner.findSessions(any(Bytes.class), anyLong(), anyLong())).thenReturn(iterator(List.of()));
		store.put(session("u", 100, 100), aggregate(1));
		store.remove(session("v", 100, 100));

		store.findSessions(key("u"), 0, 500).close();

		var order = inOrder(inner);
		order.verify(inner).put(session("u", 100, 100), aggregate(1));
		order.verify(inner).remove(session("v", 100, 100));
	}

	@Test
	void shouldApplyThePendingPutOnlyOnceTheClosedSessionsAreReadToTheEnd() {
		when(inner.findSessions(anyLong(), anyLong()))
			.thenReturn(iterator(List.of(KeyValue.pair(session("u", 100, 200), aggregate(2)))));
		store.put(session("v", 5_000, 5_000), aggregate(1));

		KeyValueIterator<Windowed<Bytes>, byte[]> closed = store.findSessions(0, 2_000);
		assertThat(closed.next().key).isEqualTo(session("u", 100, 200));
		verify(inner, never()).put(any(), any());

		closed.close();
		verify(inner).put(session("v", 5_000, 5_000), aggregate(1));
	}

	@Test
	void shouldNotReturnMarkersFromAnyRead() {
		List<KeyValue<Windowed<Bytes>, byte[]>> stored = List.of(KeyValue.pair(session("u", 900, 950), new byte[0]),
				KeyValue.pair(session("u", 900, 1_100), aggregate(2)));
		when(inner.findSessions(any(Bytes.class), anyLong(), anyLong())).thenReturn(iterator(stored));
		when(inner.findSessions(anyLong(), anyLong())).thenReturn(iterator(stored));
		when(inner.fetchSession(key("u"), 900, 950)).thenReturn(new byte[0]);

		assertThat(keys(store.findSessions(key("u"), 0, 2_000))).containsExactly(session("u", 900, 1_100));
		assertThat(keys(store.findSessions(0, 2_000))).containsExactly(session("u", 900, 1_100));
		assertThat(store.fetchSession(key("u"), 900, 950)).isNull();
	}

	private static List<Windowed<Bytes>> keys(KeyValueIterator<Windowed<Bytes>, byte[]> sessions) {
		List<Windowed<Bytes>> keys = new ArrayList<>();
		try (sessions) {
			while (sessions.hasNext()) {
				keys.add(sessions.next().key);
			}
		}
		return keys;
	}

	private static KeyValueIterator<Windowed<Bytes>, byte[]> iterator(List<KeyValue<Windowed<Bytes>, byte[]>> sessions) {
		var iterator = sessions.iterator();
		return new KeyValueIterator<>() {

			@Override
			public boolean hasNext() {
				return iterator.hasNext();
			}

			@Override
			public KeyValue<Windowed<Bytes>, byte[]> next() {
				return iterator.next();
			}

			@Override
			public Windowed<Bytes> peekNextKey() {
				throw new UnsupportedOperationException();
			}

			@Override
			public void close() {
			}

		};
	}

	private static Windowed<Bytes> session(String key, long start, long end) {
		return new Windowed<>(key(key), new SessionWindow(start, end));
	}

	private static Bytes key(String key) {
		return Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] aggregate(int count) {
		return new byte[] { 1, (byte) count };
	}

}
