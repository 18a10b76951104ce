package io.streamplane.benchmarks.scale;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompactionOptionsUniversal;
import org.rocksdb.Options;

/**
 * Settings for the scale benchmark's workers' universal compaction (Kafka Streams' choice), each on when the worker
 * JVM has its system property: {@code -Dscale.rocksdb.max-size-amplification-percent=<percent>}, above which share of
 * a store's oldest file its newer files make universal compaction compact it fully (200 by RocksDB's default, so up
 * to 3 times the compacted size on disk), and {@code -Dscale.rocksdb.level0-file-num-compaction-trigger=<files>}, the
 * sorted runs (files, in a store of a few) below which universal compaction does not start at all (4 by default);
 * RocksDB's defaults otherwise, as Kafka Streams leaves them. Adds {@link RocksDBDiagnostics} when that is on too.
 */
public final class UniversalCompactionSetting implements RocksDBConfigSetter {

	/** The worker JVM's system property with the percentage. */
	static final String MAX_SIZE_AMPLIFICATION = "scale.rocksdb.max-size-amplification-percent";

	/** The worker JVM's system property with the number of sorted runs that starts a compaction. */
	static final String COMPACTION_TRIGGER = "scale.rocksdb.level0-file-num-compaction-trigger";

	private final CompactionOptionsUniversal universal = new CompactionOptionsUniversal();

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		if (System.getProperty(MAX_SIZE_AMPLIFICATION) != null) {
			universal.setMaxSizeAmplificationPercent(Integer.getInteger(MAX_SIZE_AMPLIFICATION));
			options.setCompactionOptionsUniversal(universal);
		}
		if (System.getProperty(COMPACTION_TRIGGER) != null) {
			options.setLevel0FileNumCompactionTrigger(Integer.getInteger(COMPACTION_TRIGGER));
		}
		if (RocksDBDiagnostics.enabled()) {
			new RocksDBDiagnostics().setConfig(storeName, options, configs);
		}
	}

	@Override
	public void close(String storeName, Options options) {
		universal.close();
	}

	/** Whether this JVM asks for either setting. */
	static boolean enabled() {
		return System.getProperty(MAX_SIZE_AMPLIFICATION) != null || System.getProperty(COMPACTION_TRIGGER) != null;
	}

}
