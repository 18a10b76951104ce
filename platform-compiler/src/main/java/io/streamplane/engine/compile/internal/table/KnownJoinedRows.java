package io.streamplane.engine.compile.internal.table;

/**
 * The join keys of one task for which {@link RememberedEvents} knows that the table row their events were
 * joined with is stored beside them, so that an event of such a key needs no store lookup. Knowing it once is
 * enough: when a join key has events, {@link ReplayedEvents} replaces that row at every change of the table row
 * and deletes it only with the table row, and events are never forgotten, so whenever an event of the key
 * arrives with a table row, the row is stored.
 * <p>
 * Direct-mapped and bounded: {@link #SLOTS} keys at most, a key replacing the one in its slot, so memory stays
 * at one reference per slot plus the keys held (about 4 MiB per task for short keys when full). A key not held
 * is looked up in the store, as without this class. Issue 14: that lookup was a quarter of the stream thread's
 * CPU in the reactive join benchmark (docs/benchmarks.md).
 */
final class KnownJoinedRows {

	/** How many join keys are held at most, a power of two. */
	static final int SLOTS = 1 << 16;

	private final String[] keys = new String[SLOTS];

	/** Whether {@code joinKey}'s row is known to be stored. */
	boolean contains(String joinKey) {
		return joinKey.equals(keys[slot(joinKey)]);
	}

	/** Notes that {@code joinKey}'s row is stored, forgetting the key that shared its slot. */
	void add(String joinKey) {
		keys[slot(joinKey)] = joinKey;
	}

	private static int slot(String joinKey) {
		int hash = joinKey.hashCode();
		return (hash ^ (hash >>> 16)) & (SLOTS - 1);
	}

}
