package io.streamplane.benchmarks.scale;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import static org.assertj.core.api.Assertions.assertThat;

class SstContentsTest {

	@Test
	void shouldCountEntriesWrittenDeletionsAndLiveKeysByFirstByteWithTheirEmptyValues(@TempDir Path directory)
			throws Exception {
		RocksDB.loadLibrary();
		try (Options options = new Options().setCreateIfMissing(true);
				RocksDB db = RocksDB.open(options, directory.resolve("segment").toString());
				FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
			db.put(key(0, "user-1"), "aggregate".getBytes(StandardCharsets.UTF_8));
			db.put(key(0, "user-2"), new byte[0]);
			db.put(key(1, "user-1"), new byte[0]);
			db.put(key(1, "user-3"), "x".getBytes(StandardCharsets.UTF_8));
			db.delete(key(1, "user-3"));
			db.flush(flush);
		}

		String contents = SstContents.read(directory).description();

		assertThat(contents).startsWith("1 SST files, 4 entries written (1 deletions;")
			.contains("0x00: 2 (1 empty; keys 14 B, values 9 B), 0x01: 1 (1 empty; keys 7 B, values 0 B)");
	}

	@Test
	void shouldCountAKeyOverwrittenOrDeletedInALaterFileOnlyAsItIsNow(@TempDir Path directory) throws Exception {
		RocksDB.loadLibrary();
		try (Options options = new Options().setCreateIfMissing(true).setDisableAutoCompactions(true);
				RocksDB db = RocksDB.open(options, directory.resolve("segment").toString());
				FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
			db.put(key(0, "moved"), "aggregate".getBytes(StandardCharsets.UTF_8));
			db.put(key(0, "merged"), "aggregate".getBytes(StandardCharsets.UTF_8));
			db.put(key(0, "open"), "aggregate".getBytes(StandardCharsets.UTF_8));
			db.flush(flush);
			db.put(key(0, "moved"), new byte[0]);
			db.delete(key(0, "merged"));
			db.flush(flush);
		}

		SstContents contents = SstContents.read(directory);

		assertThat(contents.aggregates()).isEqualTo(1);
		assertThat(contents.description()).startsWith("2 SST files, 5 entries written (1 deletions;")
			.contains("0x00: 2 (1 empty;");
	}

	@Test
	void shouldDescribeADirectoryWithoutSstFilesAsEmpty(@TempDir Path directory) {
		assertThat(SstContents.read(directory.resolve("missing"))).isEqualTo(new SstContents(0, ""));
	}

	private static byte[] key(int first, String user) {
		byte[] text = user.getBytes(StandardCharsets.UTF_8);
		byte[] key = new byte[text.length + 1];
		key[0] = (byte) first;
		System.arraycopy(text, 0, key, 1, text.length);
		return key;
	}

}
