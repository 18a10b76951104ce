package io.streamplane.engine.compile.internal.keyed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A per-key step's store with a write-back cache of deserialized values in front of it, in place of
 * Kafka Streams' record cache: the step reads and writes objects in a hash map, and the entries it
 * changed reach the store below (metered, changelogged, RocksDB), once per key, when Kafka Streams
 * flushes caches before a commit ({@link #flushCache}), when the store is flushed, and when the map
 * holds {@code capacity} entries or the {@link WriteBackBudget} shared by the stores of the JVM is
 * exceeded (then all are written and the map starts over). Each entry is charged to that budget with
 * the heap its value is estimated to take.
 * <p>
 * The record cache keeps serialized entries in a sorted map of byte keys, which a per-key step does
 * not need: with 100,000 keys its lookups took about a third of the stream thread of the rolling
 * benchmark (JFR, docs/benchmarks.md), plus a serialization and deserialization per record.
 * <p>
 * Like the record cache, this one is in front of the changelog, so with exactly-once the changes of
 * a commit go into its transaction (the flush comes before the producer commits), and a task closed
 * dirty ({@link #clearCache}, {@link #close}) drops what it had not written: the state restored from
 * the changelog is the state of the last commit. An entry is written back under the context (topic,
 * offset, timestamp, headers) of the record that changed it last, as the record cache does, so its
 * changelog record carries that record's timestamp. Only {@link #get}, {@link #put}, {@link #putIfAbsent},
 * {@link #putAll} and {@link #delete} go through the cache; range reads write it back first.
 * <p>
 * The step gets back the very object it put, not a copy read from bytes: the values must be immutable
 * (the per-key states, {@link StoredValue} and the accumulators are) and of types their serde reads
 * back equal (row values: null, booleans, longs, doubles, strings, lists and maps of them).
 *
 * @param <V> the stored values
 */
final class WriteBackStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V>
		implements KeyValueStore<String, V> {

	/**
	 * A cached value, {@code null} for a key known absent, whether the store below still lacks it, and
	 * the context of the record that changed it.
	 */
	private static final class Entry<V> {

		V value;

		boolean dirty;

		ProcessorRecordContext changedBy;

		long bytes;

		Entry(V value, boolean dirty, ProcessorRecordContext changedBy) {
			this.value = value;
			this.dirty = dirty;
			this.changedBy = changedBy;
		}

	}

	/** The heap of an entry besides its value: the map's node, the key, the entry. */
	static final long ENTRY_OVERHEAD_BYTES = 128;

	private final int capacity;

	private final ToLongFunction<V> weigher;

	private final WriteBackBudget budget;

	/** The estimated bytes of the entries held, charged to {@link #budget}. */
	private long held;

	private final Map<String, Entry<V>> entries = new HashMap<>();

	/** The context records are processed in, or {@code null} where it is not Kafka Streams' own. */
	private InternalProcessorContext<?, ?> context;

	/**
	 * @param inner the store the changes are written to
	 * @param capacity the entries held before they are all written back and dropped
	 * @param weigher the estimated heap of a (non-null) value
	 * @param budget the heap shared with the other write-back stores
	 */
	WriteBackStore(KeyValueStore<String, V> inner, int capacity, ToLongFunction<V> weigher, WriteBackBudget budget) {
		super(inner);
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be positive: " + capacity);
		}
		this.capacity = capacity;
		this.weigher = weigher;
		this.budget = budget;
	}

	@Override
	public void init(StateStoreContext context, StateStore root) {
		drop();
		this.context = context instanceof InternalProcessorContext<?, ?> internal ? internal : null;
		super.init(context, root);
	}

	@Override
	public V get(String key) {
		Entry<V> entry = entries.get(key);
		if (entry != null) {
			return entry.value;
		}
		V value = wrapped().get(key);
		cache(key, new Entry<>(value, false, null));
		return value;
	}

	@Override
	public void put(String key, V value) {
		Entry<V> entry = entries.get(key);
		if (entry != null) {
			entry.value = value;
			entry.dirty = true;
			entry.changedBy = current();
			charge(entry);
		}
		else {
			cache(key, new Entry<>(value, true, current()));
		}
	}

	@Override
	public V putIfAbsent(String key, V value) {
		V current = get(key);
		if (current == null) {
			put(key, value);
		}
		return current;
	}

	@Override
	public void putAll(List<KeyValue<String, V>> records) {
		for (KeyValue<String, V> record : records) {
			put(record.key, record.value);
		}
	}

	@Override
	public V delete(String key) {
		V current = get(key);
		put(key, null);
		return current;
	}

	@Override
	public KeyValueIterator<String, V> range(String from, String to) {
		writeBack();
		return wrapped().range(from, to);
	}

	@Override
	public KeyValueIterator<String, V> all() {
		writeBack();
		return wrapped().all();
	}

	@Override
	public long approximateNumEntries() {
		writeBack();
		return wrapped().approximateNumEntries();
	}

	@Override
	public void flushCache() {
		writeBack();
		super.flushCache();
	}

	@Override
	public void flush() {
		writeBack();
		super.flush();
	}

	@Override
	public void clearCache() {
		drop();
		super.clearCache();
	}

	@Override
	public void close() {
		drop();
		super.close();
	}

	/** The number of entries held, for tests. */
	int cached() {
		return entries.size();
	}

	private ProcessorRecordContext current() {
		return context == null ? null : context.recordContext();
	}

	private void cache(String key, Entry<V> entry) {
		if (entries.size() >= capacity) {
			writeBack();
			drop();
		}
		entries.put(key, entry);
		charge(entry);
	}

	/**
	 * Charges the change of {@code entry}'s estimated heap to the budget; when that exceeds it, writes
	 * every change back and drops every entry, this one included.
	 */
	private void charge(Entry<V> entry) {
		long bytes = ENTRY_OVERHEAD_BYTES + (entry.value == null ? 0 : weigher.applyAsLong(entry.value));
		long change = bytes - entry.bytes;
		entry.bytes = bytes;
		held += change;
		if (!budget.charge(change)) {
			writeBack();
			drop();
		}
	}

	/** Forgets every entry, written back or not, and gives their room back to the budget. */
	private void drop() {
		budget.charge(-held);
		held = 0;
		entries.clear();
	}

	/** Writes the changed entries to the store below; they stay cached, clean. */
	private void writeBack() {
		ProcessorRecordContext processing = current();
		try {
			for (Map.Entry<String, Entry<V>> each : entries.entrySet()) {
				Entry<V> entry = each.getValue();
				if (entry.dirty) {
					if (context != null && entry.changedBy != null) {
						context.setRecordContext(entry.changedBy);
					}
					if (entry.value == null) {
						wrapped().delete(each.getKey());
					}
					else {
						wrapped().put(each.getKey(), entry.value);
					}
					entry.dirty = false;
					entry.changedBy = null;
				}
			}
		}
		finally {
			if (context != null) {
				context.setRecordContext(processing);
			}
		}
	}

}
