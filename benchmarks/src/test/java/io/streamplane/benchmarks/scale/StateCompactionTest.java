package io.streamplane.benchmarks.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.CompactionStyle;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.SstFileReader;
import org.rocksdb.TableProperties;

import static org.assertj.core.api.Assertions.assertThat;

class StateCompactionTest {

	@TempDir
	Path state;

	@Test
	void shouldLeaveOnlyTheLiveKeysOfEverySegmentInOneFileEach() throws RocksDBException, IOException {
		Path segment = state.resolve("0_0/sessions/sessions.1000");
		Files.createDirectories(segment);
		writeOverwriteAndDelete(segment);
		TreeMap<String, String> before = contents(segment);

		assertThat(StateCompaction.compact(state)).isEqualTo(1);

		assertThat(contents(segment)).isEqualTo(before).hasSize(50);
		List<Path> files = sstFiles(segment);
		assertThat(files).hasSize(1);
		TableProperties properties = properties(files.getFirst());
		assertThat(properties.getNumEntries()).isEqualTo(50);
		assertThat(properties.getNumDeletions()).isZero();
	}

	/**
	 * Three flushes as Kafka Streams' universal compaction leaves them (under its trigger of 4 sorted runs): 100 keys,
	 * the same keys overwritten, then half of them deleted: 250 entries for 50 live keys.
	 */
	private static void writeOverwriteAndDelete(Path segment) throws RocksDBException {
		RocksDB.loadLibrary();
		try (Options options = new Options().setCreateIfMissing(true).setCompactionStyle(CompactionStyle.UNIVERSAL);
				RocksDB db = RocksDB.open(options, segment.toString());
				FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
			for (int round = 0; round < 2; round++) {
				for (int key = 0; key < 100; key++) {
					db.put(bytes("user-" + key), bytes("aggregate " + round));
				}
				db.flush(flush);
			}
			for (int key = 0; key < 100; key += 2) {
				db.delete(bytes("user-" + key));
			}
			db.flush(flush);
		}
		assertThat(sstFiles(segment)).hasSize(3);
	}

	private static TreeMap<String, String> contents(Path segment) throws RocksDBException {
		TreeMap<String, String> contents = new TreeMap<>();
		try (Options options = new Options(); RocksDB db = RocksDB.openReadOnly(options, segment.toString());
				RocksIterator iterator = db.newIterator()) {
			for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
				contents.put(new String(iterator.key(), StandardCharsets.UTF_8),
						new String(iterator.value(), StandardCharsets.UTF_8));
			}
		}
		return contents;
	}

	private static TableProperties properties(Path file) throws RocksDBException {
		try (Options options = new Options(); SstFileReader reader = new SstFileReader(options)) {
			reader.open(file.toString());
			return reader.getTableProperties();
		}
	}

	private static List<Path> sstFiles(Path segment) {
		try (Stream<Path> files = Files.list(segment)) {
			return files.filter(file -> file.toString().endsWith(".sst")).toList();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
