package io.streamplane.engine.compile.internal.wiring;

import java.time.Duration;

import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

import io.streamplane.engine.compile.ExistingState;
import io.streamplane.engine.compile.FinalWindows;
import io.streamplane.engine.compile.internal.value.RowSerde;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * What every operator compiler of one pipeline shares: the builder of the topology, the pipeline's
 * dead-letter topic, its counters, and whether end-of-input markers are honoured (preview only).
 *
 * @param builder the topology under construction
 * @param pipeline the pipeline name
 * @param deadLetterTopic where failed and late records go
 * @param counting the pipeline's counters
 * @param endOfInputMarkers whether sources recognise end-of-input markers
 * @param existing the internal topics earlier runs of the pipeline version left, which decide the
 * layout of steps whose layout changed between engine releases
 * @param finalWindows how windows with {@code emit: final} wait for their windows to close, unless
 * {@code existing} holds the suppression buffer of an older engine's layout
 */
public record Compilation(StreamsBuilder builder, String pipeline, String deadLetterTopic, Counting counting,
		boolean endOfInputMarkers, ExistingState existing, FinalWindows finalWindows) {

	/**
	 * The key-value store named {@code name}: RocksDB, or in memory for a replay. A replay runs in
	 * {@code TopologyTestDriver}, which commits after every record, and a commit flushes every
	 * RocksDB store to disk: tens of milliseconds per store and record.
	 */
	public KeyValueBytesStoreSupplier keyValueStore(String name) {
		return endOfInputMarkers ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
	}

	/** A window store of timestamped values, in RocksDB or, for a replay, in memory (see {@link #keyValueStore}). */
	public WindowBytesStoreSupplier timestampedWindowStore(String name, Duration retention, Duration size,
			boolean duplicates) {
		return endOfInputMarkers ? Stores.inMemoryWindowStore(name, retention, size, duplicates)
				: Stores.persistentTimestampedWindowStore(name, retention, size, duplicates);
	}

	/** A window store, in RocksDB or, for a replay, in memory (see {@link #keyValueStore}). */
	public WindowBytesStoreSupplier windowStore(String name, Duration retention, Duration size, boolean duplicates) {
		return endOfInputMarkers ? Stores.inMemoryWindowStore(name, retention, size, duplicates)
				: Stores.persistentWindowStore(name, retention, size, duplicates);
	}

	/** The serde of rows on repartition topics. */
	public RowSerde rows() {
		return new RowSerde();
	}

	/**
	 * The name of a topology node, store or internal topic for a spec path: deterministic, so a
	 * restarted or upgraded pipeline finds its state again, and legal in topic names
	 * ({@code transforms.revenue_1m.steps[1]} becomes {@code transforms.revenue_1m.steps.1}).
	 */
	public static String name(String path, String suffix) {
		return path.replace("[", ".").replace("]", "") + "." + suffix;
	}

}
