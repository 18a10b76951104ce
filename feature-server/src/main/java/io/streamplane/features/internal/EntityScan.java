package io.streamplane.features.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

import io.streamplane.features.EntityTiles;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.protocol.tiles.TileCodec;

/**
 * Reads the tiles of one entity in a range of tile starts with one bounded iterator: a seek to the
 * first tile in range and a forward scan; if the range is empty, one step back finds the entity's
 * latest earlier tile. The iterator sees one consistent state of the store.
 */
public final class EntityScan {

	private EntityScan() {
	}

	/** Tiles of {@code entity} with {@code fromStartMs <= tileStartMs <= toStartMs}, and its latest tile up to {@code toStartMs}. */
	public static EntityTiles scan(RocksDB db, ColumnFamilyHandle family, String entity, long fromStartMs,
			long toStartMs) {
		try (Slice lower = new Slice(TileKeys.key(entity, 0));
				Slice upper = new Slice(upperBound(entity, toStartMs));
				ReadOptions options = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
				RocksIterator iterator = db.newIterator(family, options)) {
			List<Tile> inRange = new ArrayList<>();
			for (iterator.seek(TileKeys.key(entity, Math.max(0, fromStartMs))); iterator.isValid(); iterator.next()) {
				inRange.add(TileCodec.fromJson(iterator.value()));
			}
			if (!inRange.isEmpty()) {
				return new EntityTiles(inRange, Optional.of(inRange.getLast()));
			}
			iterator.seekToLast();
			return new EntityTiles(List.of(),
					iterator.isValid() ? Optional.of(TileCodec.fromJson(iterator.value())) : Optional.empty());
		}
	}

	private static byte[] upperBound(String entity, long toStartMs) {
		return toStartMs == Long.MAX_VALUE ? TileKeys.entityEnd(entity) : TileKeys.key(entity, toStartMs + 1);
	}
}
