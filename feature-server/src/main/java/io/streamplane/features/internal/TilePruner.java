package io.streamplane.features.internal;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Deletes the tiles of one view that start before a cutoff, in a sweep over the whole family (keys are
 * ordered by entity first, so old tiles are spread over the key space). Deletes go out in batches; the
 * sweep does not fill the block cache.
 */
public final class TilePruner {

	private static final int BATCH = 10_000;

	private TilePruner() {
	}

	/** Deletes every tile with {@code tileStartMs < cutoffMs}; returns how many were deleted. */
	public static long prune(RocksDB db, ColumnFamilyHandle family, WriteOptions writeOptions, long cutoffMs)
			throws RocksDBException {
		long deleted = 0;
		try (ReadOptions options = new ReadOptions().setFillCache(false);
				RocksIterator iterator = db.newIterator(family, options);
				WriteBatch batch = new WriteBatch()) {
			for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
				byte[] key = iterator.key();
				if (TileKeys.tileStartMs(key) < cutoffMs) {
					batch.delete(family, key);
					deleted++;
				}
				if (batch.count() >= BATCH) {
					db.write(writeOptions, batch);
					batch.clear();
				}
			}
			iterator.status();
			if (batch.count() > 0) {
				db.write(writeOptions, batch);
			}
		}
		return deleted;
	}
}
