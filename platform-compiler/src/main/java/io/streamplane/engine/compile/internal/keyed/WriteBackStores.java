package io.streamplane.engine.compile.internal.keyed;

import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the store of a per-key step: a key-value store by string key, logged to its changelog,
 * without Kafka Streams' record cache, behind a {@link WriteBackStore}.
 *
 * @param <V> the stored values
 */
final class WriteBackStores<V> implements StoreBuilder<WriteBackStore<V>> {

	/**
	 * The entries a store holds before it writes them all back. Per task (partition) and step; a
	 * {@code rolling} entry of 24 slices takes about 2 KiB of heap, a {@code crossing} entry about 100 bytes.
	 */
	static final int CAPACITY = 50_000;

	private final StoreBuilder<KeyValueStore<String, V>> inner;

	private final int capacity;

	private WriteBackStores(StoreBuilder<KeyValueStore<String, V>> inner, int capacity) {
		this.inner = inner.withCachingDisabled();
		this.capacity = capacity;
	}

	/** The store {@code supplier} makes, holding values of {@code values} by string key. */
	static <V> WriteBackStores<V> of(KeyValueBytesStoreSupplier supplier, Serde<V> values) {
		return of(supplier, values, CAPACITY);
	}

	static <V> WriteBackStores<V> of(KeyValueBytesStoreSupplier supplier, Serde<V> values, int capacity) {
		return new WriteBackStores<>(Stores.keyValueStoreBuilder(supplier, Serdes.String(), values), capacity);
	}

	@Override
	public WriteBackStore<V> build() {
		return new WriteBackStore<>(inner.build(), capacity);
	}

	/** Ignored: the write-back cache takes the record cache's place. */
	@Override
	public StoreBuilder<WriteBackStore<V>> withCachingEnabled() {
		return this;
	}

	@Override
	public StoreBuilder<WriteBackStore<V>> withCachingDisabled() {
		return this;
	}

	@Override
	public StoreBuilder<WriteBackStore<V>> withLoggingEnabled(Map<String, String> config) {
		inner.withLoggingEnabled(config);
		return this;
	}

	@Override
	public StoreBuilder<WriteBackStore<V>> withLoggingDisabled() {
		inner.withLoggingDisabled();
		return this;
	}

	@Override
	public Map<String, String> logConfig() {
		return inner.logConfig();
	}

	@Override
	public boolean loggingEnabled() {
		return inner.loggingEnabled();
	}

	@Override
	public String name() {
		return inner.name();
	}

}
