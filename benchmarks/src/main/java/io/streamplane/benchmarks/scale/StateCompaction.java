package io.streamplane.benchmarks.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.streamplane.benchmarks.harness.BenchmarkException;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ConfigOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.OptionsUtil;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A full compaction of every RocksDB under a closed state directory (each segment of a session store is one), with
 * the options each was last opened with (its {@code OPTIONS} file: Kafka Streams' universal compaction, table format,
 * block size, bloom filter, no compression), so that what it writes is what Kafka Streams would have: what the state
 * costs once every overwritten value and deletion is compacted away, against what it costs as Kafka Streams leaves it.
 */
final class StateCompaction {

	private StateCompaction() {
	}

	/**
	 * Compacts every column family of every RocksDB under {@code directory} into one sorted run; the state must be
	 * closed (no worker has it open).
	 * @return the RocksDBs compacted
	 */
	static int compact(Path directory) {
		RocksDB.loadLibrary();
		List<Path> databases = databases(directory);
		for (Path database : databases) {
			try {
				compactOne(database);
			}
			catch (RocksDBException ex) {
				throw new BenchmarkException("Could not compact " + database + ": " + ex.getMessage(), ex);
			}
		}
		return databases.size();
	}

	private static void compactOne(Path database) throws RocksDBException {
		List<ColumnFamilyDescriptor> families = new ArrayList<>();
		List<ColumnFamilyHandle> handles = new ArrayList<>();
		try (ConfigOptions config = new ConfigOptions().setIgnoreUnknownOptions(true);
				DBOptions options = new DBOptions()) {
			OptionsUtil.loadLatestOptions(config, database.toString(), options, families);
			try (RocksDB db = RocksDB.open(options, database.toString(), families, handles)) {
				for (ColumnFamilyHandle handle : handles) {
					db.compactRange(handle);
				}
			}
			finally {
				handles.forEach(ColumnFamilyHandle::close);
				families.forEach(family -> family.getOptions().close());
			}
		}
	}

	/** The directories under {@code directory} that hold a RocksDB (a {@code CURRENT} file). */
	private static List<Path> databases(Path directory) {
		if (!Files.exists(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(file -> file.getFileName().toString().equals("CURRENT")).map(Path::getParent).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + directory, ex);
		}
	}

}
