package io.streamplane.engine.compile.internal.window;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The window states a {@link WindowUpdates} wrote last, by key and window start, so that the next record of a
 * busy key reads its window's state from memory instead of from the store (a key and a value to serialize, a
 * record-cache lookup and a state to deserialize per update). Bounded: beyond {@code capacity} states the least
 * recently used one is dropped and read from the store again when needed. States are immutable, so holding the
 * instance that was written is safe. Not thread-safe: one per processor, that is per task.
 */
final class RecentWindows {

	private final Map<WindowAt, ValueAndTimestamp<WindowState>> states;

	/** @param capacity how many window states are kept, at least 1 */
	RecentWindows(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		this.states = new LinkedHashMap<>(Math.min(capacity, 1_024) * 2, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<WindowAt, ValueAndTimestamp<WindowState>> eldest) {
				return size() > capacity;
			}
		};
	}

	/** The state last written for the window of {@code key} starting at {@code start}, or {@code null}. */
	ValueAndTimestamp<WindowState> get(String key, long start) {
		return states.get(new WindowAt(key, start));
	}

	/** Remembers the state just written for a window. */
	void put(String key, long start, ValueAndTimestamp<WindowState> state) {
		states.put(new WindowAt(key, start), state);
	}

	/** Forgets every state, e.g. when the task's store may have been restored from its changelog. */
	void clear() {
		states.clear();
	}

	int size() {
		return states.size();
	}

	private record WindowAt(String key, long start) {
	}

}
