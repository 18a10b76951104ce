package io.streamplane.features;

import java.nio.file.Path;

import org.springframework.util.unit.DataSize;

/**
 * Where the {@link TileStore} lives and how much memory it may use.
 *
 * @param directory the RocksDB directory, created if missing; one per feature server
 * @param blockCache capacity of the LRU block cache shared by every view (column family); index and
 *        filter blocks are cached in it too
 * @param writeBuffers bound on the memtables of all views together; memtable memory is charged to the
 *        block cache, so {@code blockCache} is the bound on both
 */
public record TileStoreConfig(Path directory, DataSize blockCache, DataSize writeBuffers) {

	/** Default block cache: 256 MB. */
	public static final DataSize DEFAULT_BLOCK_CACHE = DataSize.ofMegabytes(256);

	/** Default bound on all memtables: 64 MB. */
	public static final DataSize DEFAULT_WRITE_BUFFERS = DataSize.ofMegabytes(64);

	/** Applies the defaults and checks that the write buffers fit in the block cache. */
	public TileStoreConfig {
		if (directory == null) {
			throw FeatureServerException.invalid("directory: must name the RocksDB directory of the feature server");
		}
		blockCache = blockCache == null ? DEFAULT_BLOCK_CACHE : blockCache;
		writeBuffers = writeBuffers == null ? DEFAULT_WRITE_BUFFERS : writeBuffers;
		if (writeBuffers.toBytes() <= 0 || writeBuffers.compareTo(blockCache) >= 0) {
			throw FeatureServerException.invalid("writeBuffers: must be positive and smaller than blockCache ("
					+ blockCache + ") because memtables are charged to the block cache, got " + writeBuffers);
		}
	}

	/** A store in {@code directory} with the default memory bounds. */
	public static TileStoreConfig of(Path directory) {
		return new TileStoreConfig(directory, null, null);
	}
}
