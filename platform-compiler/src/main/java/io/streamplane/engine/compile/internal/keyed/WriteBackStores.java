package io.streamplane.engine.compile.internal.keyed;

import java.util.Map;
import java.util.function.ToLongFunction;

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
	 * The entries a store holds before it writes them all back. Per task (partition) and step; the
	 * stores of a JVM together are also bounded by {@link WriteBackBudget#HEAP}.
	 */
	static final int CAPACITY = 50_000;

	/** The estimated heap of a {@link StoredValue} of a scalar or a short string. */
	static final long STORED_VALUE_BYTES = 64;

	private final StoreBuilder<KeyValueStore<String, V>> inner;

	private final ToLongFunction<V> weigher;

	private WriteBackStores(StoreBuilder<KeyValueStore<String, V>> inner, ToLongFunction<V> weigher) {
		this.inner = inner.withCachingDisabled();
		this.weigher = weigher;
	}

	/**
	 * The store {@code supplier} makes, holding values of {@code values} by string key.
	 *
	 * @param weigher the estimated heap of a value, charged to the budget the stores share
	 */
	static <V> WriteBackStores<V> of(KeyValueBytesStoreSupplier supplier, Serde<V> values, ToLongFunction<V> weigher) {
		return new WriteBackStores<>(Stores.keyValueStoreBuilder(supplier, Serdes.String(), values), weigher);
	}

	/**
	 * The estimated heap of a window state of {@code aggregations} accumulators: the record, its list
	 * and about 48 bytes per accumulator.
	 */
	static long windowStateBytes(int aggregations) {
		return 100 + 48L * aggregations;
	}

	@Override
	public WriteBackStore<V> build() {
		return new WriteBackStore<>(inner.build(), CAPACITY, weigher, WriteBackBudget.HEAP);
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
