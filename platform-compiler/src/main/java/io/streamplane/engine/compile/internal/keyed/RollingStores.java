package io.streamplane.engine.compile.internal.keyed;

import java.util.List;
import java.util.Set;

import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.spec.Aggregation;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The two stores of a {@code rolling} step, persistent with changelogs like the other per-key state:
 * the slices per key and the partition's stream time, each behind a {@link WriteBackStore}. Kafka
 * Streams' record cache in front of the slices took about 40% of the stream thread (its sorted map
 * of byte keys; JFR, 500,000 clicks of 100,000 users); without any cache every record wrote its key's
 * slices to RocksDB and the changelog. The write-back store does neither per record: the slices
 * change as objects in a hash map and reach the changelog once per key per commit, the stream time,
 * one key written per record, once per commit.
 *
 * @param state the store of {@link RollingState} per key
 * @param streamTime the store holding the stream time
 */
record RollingStores(String state, String streamTime) {

	Set<StoreBuilder<?>> builders(Compilation compilation, List<Aggregation> aggregations) {
		long sliceBytes = 32 + WriteBackStores.windowStateBytes(aggregations.size());
		return Set.of(
				WriteBackStores.of(compilation.keyValueStore(state), new RollingStateSerde(aggregations),
						rolling -> 64 + rolling.slices().size() * sliceBytes),
				WriteBackStores.of(compilation.keyValueStore(streamTime), Serdes.Long(), time -> 16));
	}

}
