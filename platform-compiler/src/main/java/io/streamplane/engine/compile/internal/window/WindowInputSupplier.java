package io.streamplane.engine.compile.internal.window;

import java.util.Set;

import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Supplies {@link WindowInput}s with their stream-time store: a logged RocksDB key-value store
 * behind the record cache, so the stream time, written on every advance, reaches the changelog when
 * the cache flushes (on commit, together with the window state it guards) instead of per record.
 */
public final class WindowInputSupplier implements FixedKeyProcessorSupplier<String, Row, Row> {

	private final String path;

	private final String deadLetter;

	private final Lateness lateness;

	private final AggregateInputs arguments;

	private final String keyField;

	private final String storeName;

	public WindowInputSupplier(String path, String deadLetter, Lateness lateness, AggregateInputs arguments,
			String keyField, String storeName) {
		this.path = path;
		this.deadLetter = deadLetter;
		this.lateness = lateness;
		this.arguments = arguments;
		this.keyField = keyField;
		this.storeName = storeName;
	}

	@Override
	public FixedKeyProcessor<String, Row, Row> get() {
		return new WindowInput(path, deadLetter, lateness, arguments, keyField, storeName);
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), Serdes.String(),
				Serdes.Long()).withCachingEnabled());
	}

}
