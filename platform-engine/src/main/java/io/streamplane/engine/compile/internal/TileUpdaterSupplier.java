package io.streamplane.engine.compile.internal;

import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Supplies {@link TileUpdater}s with their tile store: a persistent key-value store with a
 * changelog, behind the record cache (the updater forwards every change itself, so the cache only
 * spares RocksDB and the changelog a write per record).
 */
final class TileUpdaterSupplier implements FixedKeyProcessorSupplier<String, Row, Row> {

	private final TileSettings settings;

	TileUpdaterSupplier(TileSettings settings) {
		this.settings = settings;
	}

	@Override
	public FixedKeyProcessor<String, Row, Row> get() {
		return new TileUpdater(settings);
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(settings.storeName()), Serdes.String(),
				Serdes.ByteArray()).withCachingEnabled());
	}

}
