package io.streamplane.features.internal;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.WriteBufferManager;

import io.streamplane.features.TileStoreConfig;

/**
 * The native options of a tile store: one LRU block cache shared by every column family, and a write
 * buffer manager that charges all memtables to that cache, so the cache capacity bounds block cache
 * and memtables together (table-reader and iterator memory aside).
 */
public final class StoreMemory implements AutoCloseable {

	private static final long MAX_MEMTABLE_BYTES = 64L << 20;

	private final LRUCache cache;

	private final WriteBufferManager writeBufferManager;

	private final DBOptions dbOptions;

	private final ColumnFamilyOptions columnFamilyOptions;

	/** Allocates the native objects for {@code config}; close to free them, after the database. */
	public StoreMemory(TileStoreConfig config) {
		long writeBufferBytes = config.writeBuffers().toBytes();
		this.cache = new LRUCache(config.blockCache().toBytes());
		this.writeBufferManager = new WriteBufferManager(writeBufferBytes, cache);
		this.dbOptions = new DBOptions()
			.setCreateIfMissing(true)
			.setCreateMissingColumnFamilies(true)
			.setWriteBufferManager(writeBufferManager);
		this.columnFamilyOptions = new ColumnFamilyOptions()
			.setWriteBufferSize(Math.min(MAX_MEMTABLE_BYTES, Math.max(1L << 20, writeBufferBytes / 4)))
			.setTableFormatConfig(new BlockBasedTableConfig()
				.setBlockCache(cache)
				.setCacheIndexAndFilterBlocks(true)
				.setPinL0FilterAndIndexBlocksInCache(true));
	}

	/** Options of the database. */
	public DBOptions dbOptions() {
		return dbOptions;
	}

	/** Options of every column family (tiles, offsets, watermarks). */
	public ColumnFamilyOptions columnFamilyOptions() {
		return columnFamilyOptions;
	}

	/** Bytes currently held in the shared block cache, memtable reservations included. */
	public long cacheUsageBytes() {
		return cache.getUsage();
	}

	@Override
	public void close() {
		columnFamilyOptions.close();
		dbOptions.close();
		writeBufferManager.close();
		cache.close();
	}
}
