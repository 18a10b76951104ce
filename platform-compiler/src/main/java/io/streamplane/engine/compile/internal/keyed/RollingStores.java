package io.streamplane.engine.compile.internal.keyed;

import java.util.List;
import java.util.Set;

import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.spec.Aggregation;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The two stores of a {@code rolling} step, persistent and cached like the other per-key state: the
 * slices per key, and the partition's stream time.
 *
 * @param state the store of {@link RollingState} per key
 * @param streamTime the store holding the stream time
 */
record RollingStores(String state, String streamTime) {

	Set<StoreBuilder<?>> builders(Compilation compilation, List<Aggregation> aggregations) {
		return Set.of(
				Stores.keyValueStoreBuilder(compilation.keyValueStore(state), Serdes.String(),
						new RollingStateSerde(aggregations)).withCachingEnabled(),
				Stores.keyValueStoreBuilder(compilation.keyValueStore(streamTime), Serdes.String(), Serdes.Long())
					.withCachingEnabled());
	}

}
