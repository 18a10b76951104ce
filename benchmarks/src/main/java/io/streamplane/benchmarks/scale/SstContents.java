package io.streamplane.benchmarks.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileReader;
import org.rocksdb.RocksIterator;
import org.rocksdb.TableProperties;

/**
 * What the SST files under a state directory hold, read after the worker closed: from each file's table
 * properties, the entries it was written with (live values and deletions) and the bytes of its data, index and
 * filter blocks; from iterating each RocksDB (opened read-only, every column family), the live keys by their
 * first byte (a session store's time-first and key-first copies of a session differ there) and how many of them
 * hold an empty value (the markers of sessions moved to a later segment). Explains the state on disk per key:
 * how many entries a key costs, and how many bytes an entry. Live keys come from the databases, not the files:
 * a key written to one file and overwritten or deleted in a later one is in both until a compaction merges them.
 *
 * @param aggregates live keys with a non-empty value: the aggregates the state holds (a session store's
 * time-first copies; its key-first copies and markers are empty), 0 if there are no SST files
 * @param description every figure in one line, empty if there are no SST files
 */
record SstContents(long aggregates, String description) {

	/** Reads every SST file under {@code directory}. */
	static SstContents read(Path directory) {
		List<Path> files = sstFiles(directory);
		if (files.isEmpty()) {
			return new SstContents(0, "");
		}
		RocksDB.loadLibrary();
		Totals totals = new Totals();
		try (Options options = new Options()) {
			for (Path file : files) {
				try (SstFileReader reader = new SstFileReader(options)) {
					reader.open(file.toString());
					totals.add(reader.getTableProperties());
				}
				catch (RocksDBException ex) {
					return new SstContents(0, "could not read " + file + ": " + ex.getMessage());
				}
			}
		}
		for (Path database : files.stream().map(Path::getParent).distinct().toList()) {
			try {
				readLiveKeys(database, totals);
			}
			catch (RocksDBException ex) {
				return new SstContents(0, "could not open " + database + ": " + ex.getMessage());
			}
		}
		return new SstContents(totals.aggregates(), totals.describe(files.size()));
	}

	private static void readLiveKeys(Path database, Totals totals) throws RocksDBException {
		List<ColumnFamilyDescriptor> families;
		try (Options options = new Options()) {
			families = RocksDB.listColumnFamilies(options, database.toString()).stream()
				.map(ColumnFamilyDescriptor::new).toList();
		}
		List<ColumnFamilyHandle> handles = new ArrayList<>();
		try (DBOptions options = new DBOptions();
				RocksDB db = RocksDB.openReadOnly(options, database.toString(), families, handles);
				ReadOptions read = new ReadOptions()) {
			for (ColumnFamilyHandle handle : handles) {
				try (RocksIterator iterator = db.newIterator(handle, read)) {
					for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
						totals.live(iterator.key(), iterator.value());
					}
				}
			}
		}
		finally {
			handles.forEach(ColumnFamilyHandle::close);
		}
	}

	private static List<Path> sstFiles(Path directory) {
		if (!Files.exists(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(file -> file.getFileName().toString().endsWith(".sst")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + directory, ex);
		}
	}

	/** Sums over files; live keys by their first byte: count, empty values, key bytes, value bytes. */
	private static final class Totals {

		private long entries;

		private long deletions;

		private long rawKeyBytes;

		private long rawValueBytes;

		private long dataBytes;

		private long indexBytes;

		private long filterBytes;

		private final Map<Integer, long[]> live = new TreeMap<>();

		void add(TableProperties properties) {
			entries += properties.getNumEntries();
			deletions += properties.getNumDeletions();
			rawKeyBytes += properties.getRawKeySize();
			rawValueBytes += properties.getRawValueSize();
			dataBytes += properties.getDataSize();
			indexBytes += properties.getIndexSize();
			filterBytes += properties.getFilterSize();
		}

		void live(byte[] key, byte[] value) {
			long[] counts = live.computeIfAbsent(key.length == 0 ? -1 : key[0] & 0xff, first -> new long[4]);
			counts[0]++;
			counts[1] += value.length == 0 ? 1 : 0;
			counts[2] += key.length;
			counts[3] += value.length;
		}

		long aggregates() {
			return live.values().stream().mapToLong(counts -> counts[0] - counts[1]).sum();
		}

		String describe(int files) {
			String byFirstByte = live.entrySet().stream()
				.map(entry -> String.format("0x%02x: %,d (%,d empty; keys %,d B, values %,d B)", entry.getKey(),
						entry.getValue()[0], entry.getValue()[1], entry.getValue()[2], entry.getValue()[3]))
				.collect(Collectors.joining(", "));
			return String.format(
					"%,d SST files, %,d entries written (%,d deletions; raw keys %,d B, each with 8 B of sequence and type; raw values %,d B), blocks: data %,d B, index %,d B, filter %,d B; live keys by first byte: %s",
					files, entries, deletions, rawKeyBytes, rawValueBytes, dataBytes, indexBytes, filterBytes,
					byFirstByte);
		}

	}

}
