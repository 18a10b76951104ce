package io.streamplane.engine.compile.internal.keyed;

import java.util.List;
import java.util.Set;

import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.spec.Aggregation;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The two stores of a {@code rolling} step, persistent with changelogs like the other per-key state:
 * the slices per key, without the record cache, and the partition's stream time, behind it. With many
 * keys a key rarely changes twice between commits, so the cache spares few writes, while its sorted
 * map of byte keys took about 40% of the stream thread (JFR, 500,000 clicks of 100,000 users); the
 * stream time is one key written per record, which the cache folds into one write per commit.
 *
 * @param state the store of {@link RollingState} per key
 * @param streamTime the store holding the stream time
 */
record RollingStores(String state, String streamTime) {

	Set<StoreBuilder<?>> builders(Compilation compilation, List<Aggregation> aggregations) {
		return Set.of(
				Stores.keyValueStoreBuilder(compilation.keyValueStore(state), Serdes.String(),
						new RollingStateSerde(aggregations)).withCachingDisabled(),
				Stores.keyValueStoreBuilder(compilation.keyValueStore(streamTime), Serdes.String(), Serdes.Long())
					.withCachingEnabled());
	}

}
