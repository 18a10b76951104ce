package io.streamplane.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import io.streamplane.features.internal.ColumnFamilies;
import io.streamplane.features.internal.EntityScan;
import io.streamplane.features.internal.StoreMemory;
import io.streamplane.features.internal.TileKeys;
import io.streamplane.features.internal.TilePruner;
import io.streamplane.protocol.tiles.TileCodec;

/**
 * The feature server's tiles in one RocksDB database: one column family per view, keyed by
 * {@code UTF-8(entity) 0x00 big-endian-int64(tileStartMs)}, the value being the tile's JSON. Consumed
 * offsets and the newest event time per view live in their own families and are written in the same
 * atomic batch as the tiles, so after a crash the store and the offsets to resume from agree.
 *
 * <p>Thread-safe: reads run concurrently with {@link #apply}; apply calls are serialised.
 */
public final class TileStore implements AutoCloseable {

	static {
		RocksDB.loadLibrary();
	}

	private final StoreMemory memory;

	private final ColumnFamilies families;

	private final WriteOptions writeOptions = new WriteOptions();

	private final Map<String, Long> newestEventTimes = new ConcurrentHashMap<>();

	private TileStore(StoreMemory memory, ColumnFamilies families) {
		this.memory = memory;
		this.families = families;
		newestEventTimes.putAll(readLongs(ColumnFamilies.VIEWS));
	}

	/**
	 * Opens the store in {@code config.directory()}, creating it if missing.
	 *
	 * @throws FeatureServerException (retriable) if RocksDB cannot open it, e.g. another process holds its lock
	 */
	public static TileStore open(TileStoreConfig config) {
		StoreMemory memory = new StoreMemory(config);
		try {
			return new TileStore(memory, ColumnFamilies.open(config.directory(), memory));
		}
		catch (RocksDBException | IOException e) {
			memory.close();
			throw FeatureServerException.storage("cannot open tile store in " + config.directory() + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Writes consumed tiles (each replaces the stored tile of its view, entity and tile start; a tombstone
	 * deletes it) and the consumed offsets in one atomic batch. Applying the same batch twice leaves the
	 * store as after once.
	 *
	 * @param batch tiles in consumption order
	 * @param offsets the next offset to consume per source partition (e.g. {@code "sp.features.p.clicks-0"})
	 */
	public synchronized void apply(List<ConsumedTile> batch, Map<String, Long> offsets) {
		Map<String, Long> newest = new HashMap<>();
		try (WriteBatch write = new WriteBatch()) {
			for (ConsumedTile consumed : batch) {
				ColumnFamilyHandle family = families.viewOrCreate(consumed.view());
				byte[] key = TileKeys.key(consumed.entity(), consumed.tileStartMs());
				if (consumed.isTombstone()) {
					write.delete(family, key);
				}
				else {
					write.put(family, key, TileCodec.toJson(consumed.tile()));
					newest.merge(consumed.view(), consumed.tile().newestEventTimeMs(), Math::max);
				}
			}
			newest.replaceAll((view, time) -> Math.max(time, newestEventTimes.getOrDefault(view, Long.MIN_VALUE)));
			putLongs(write, ColumnFamilies.VIEWS, newest);
			putLongs(write, ColumnFamilies.OFFSETS, offsets);
			families.db().write(writeOptions, write);
		}
		catch (RocksDBException e) {
			throw FeatureServerException.storage("cannot apply " + batch.size() + " tiles: " + e.getMessage(), e);
		}
		newestEventTimes.putAll(newest);
	}

	/** The offsets stored by the last {@link #apply}, per source partition; empty for a new store. */
	public Map<String, Long> offsets() {
		return readLongs(ColumnFamilies.OFFSETS);
	}

	/** The newest event time applied to a view, epoch milliseconds; empty if none. */
	public OptionalLong newestEventTimeMs(String view) {
		Long newest = newestEventTimes.get(view);
		return newest == null ? OptionalLong.empty() : OptionalLong.of(newest);
	}

	/**
	 * The tiles of one entity with {@code fromStartMs <= tileStartMs <= toStartMs} (epoch milliseconds),
	 * and its latest tile starting at or before {@code toStartMs}.
	 */
	public EntityTiles read(String view, String entity, long fromStartMs, long toStartMs) {
		return readAll(view, List.of(entity), fromStartMs, toStartMs).getFirst();
	}

	/**
	 * {@link #read} for many entities of one view at once, answered in the order given: one iterator over
	 * one consistent state of the store serves the whole batch.
	 */
	public List<EntityTiles> readAll(String view, List<String> entities, long fromStartMs, long toStartMs) {
		ColumnFamilyHandle family = families.view(view).orElse(null);
		if (toStartMs < 0 || family == null) {
			return Collections.nCopies(entities.size(), EntityTiles.NONE);
		}
		return EntityScan.scan(families.db(), family, entities, fromStartMs, toStartMs);
	}

	/** The views that tiles were applied to, with the newest event time of each (epoch milliseconds). */
	public Map<String, Long> newestEventTimes() {
		return Collections.unmodifiableMap(newestEventTimes);
	}

	/**
	 * Deletes the tiles of {@code view} that start more than {@code retention} before the newest event
	 * time applied to the view (event time, not wall-clock time, so replays of old data keep their tiles).
	 *
	 * @return the number of tiles deleted
	 */
	public long prune(String view, Duration retention) {
		Long newest = newestEventTimes.get(view);
		ColumnFamilyHandle family = families.view(view).orElse(null);
		if (newest == null || family == null) {
			return 0;
		}
		try {
			return TilePruner.prune(families.db(), family, writeOptions, newest - retention.toMillis());
		}
		catch (RocksDBException e) {
			throw FeatureServerException.storage("cannot prune view " + view + ": " + e.getMessage(), e);
		}
	}

	/** Bytes held in the shared block cache, memtable reservations included. */
	public long memoryUsageBytes() {
		return memory.cacheUsageBytes();
	}

	/** Closes the database and frees every native object. */
	@Override
	public void close() {
		families.close();
		writeOptions.close();
		memory.close();
	}

	private void putLongs(WriteBatch write, String family, Map<String, Long> values) throws RocksDBException {
		for (Map.Entry<String, Long> entry : values.entrySet()) {
			write.put(families.system(family), entry.getKey().getBytes(StandardCharsets.UTF_8),
					TileKeys.longValue(entry.getValue()));
		}
	}

	private Map<String, Long> readLongs(String family) {
		Map<String, Long> values = new TreeMap<>();
		try (RocksIterator iterator = families.db().newIterator(families.system(family))) {
			for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
				values.put(new String(iterator.key(), StandardCharsets.UTF_8), TileKeys.longValue(iterator.value()));
			}
		}
		return values;
	}
}
