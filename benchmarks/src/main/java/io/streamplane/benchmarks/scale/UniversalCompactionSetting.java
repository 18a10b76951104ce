package io.streamplane.benchmarks.scale;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompactionOptionsUniversal;
import org.rocksdb.Options;

/**
 * A setting for the scale benchmark's workers, on when the worker JVM has
 * {@code -Dscale.rocksdb.max-size-amplification-percent=<percent>}: the universal compaction Kafka Streams configures
 * compacts a store fully only once its newer files hold more than that percentage of its oldest (200 by RocksDB's
 * default, so up to 3 times the compacted size on disk); RocksDB's defaults for the rest of universal compaction, as
 * Kafka Streams leaves them. Adds {@link RocksDBDiagnostics} when that is on too.
 */
public final class UniversalCompactionSetting implements RocksDBConfigSetter {

	/** The worker JVM's system property with the percentage. */
	static final String MAX_SIZE_AMPLIFICATION = "scale.rocksdb.max-size-amplification-percent";

	private final CompactionOptionsUniversal universal = new CompactionOptionsUniversal();

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		universal.setMaxSizeAmplificationPercent(Integer.getInteger(MAX_SIZE_AMPLIFICATION));
		options.setCompactionOptionsUniversal(universal);
		if (RocksDBDiagnostics.enabled()) {
			new RocksDBDiagnostics().setConfig(storeName, options, configs);
		}
	}

	@Override
	public void close(String storeName, Options options) {
		universal.close();
	}

	/** Whether this JVM asks for the setting. */
	static boolean enabled() {
		return System.getProperty(MAX_SIZE_AMPLIFICATION) != null;
	}

}
