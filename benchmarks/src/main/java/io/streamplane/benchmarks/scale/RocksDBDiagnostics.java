package io.streamplane.benchmarks.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.Statistics;
import org.rocksdb.StatsLevel;

/**
 * Diagnostics for the scale benchmark's workers, on when the worker JVM has {@code -Dscale.rocksdb.log=<dir>}: every
 * RocksDB (each segment of a session store is one) keeps statistics (tickers such as {@code rocksdb.number.iter.skip},
 * the internal keys iterators stepped over, and {@code rocksdb.stall.micros}) and writes them with its compaction
 * statistics (files per level, stalls) to its {@code LOG} in {@code <dir>} every {@link #DUMP_SECONDS} seconds, so the
 * logs outlive the state directory the benchmark deletes.
 */
public final class RocksDBDiagnostics implements RocksDBConfigSetter {

	/** The worker JVM's system property that names the directory of the RocksDB logs. */
	static final String LOG_DIRECTORY = "scale.rocksdb.log";

	private static final int DUMP_SECONDS = 5;

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		Path directory = Path.of(System.getProperty(LOG_DIRECTORY));
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Statistics statistics = new Statistics();
		statistics.setStatsLevel(StatsLevel.EXCEPT_DETAILED_TIMERS);
		options.setStatistics(statistics);
		options.setStatsDumpPeriodSec(DUMP_SECONDS);
		options.setInfoLogLevel(InfoLogLevel.INFO_LEVEL);
		options.setDbLogDir(directory.toString());
	}

	@Override
	public void close(String storeName, Options options) {
		// the statistics go with the options
	}

	/** Whether this JVM asks for the diagnostics. */
	static boolean enabled() {
		return System.getProperty(LOG_DIRECTORY) != null;
	}

}
