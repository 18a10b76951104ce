package io.streamplane.features.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

import io.streamplane.features.EntityTiles;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.protocol.tiles.TileCodec;

/**
 * Reads the tiles of entities in a range of tile starts with one iterator for the whole batch, so every
 * entity of one request sees the same consistent state of the store and pays one seek (two when it has
 * no tile in range): a seek to its first tile in range and a forward scan while the keys are its own;
 * if the range is empty, a seek back to its latest earlier tile. Entities are visited in key order so
 * the seeks of a batch move forward through the store.
 */
public final class EntityScan {

	private EntityScan() {
	}

	/**
	 * For each entity, in the order given: its tiles with {@code fromStartMs <= tileStartMs <= toStartMs},
	 * and its latest tile up to {@code toStartMs}. An empty entity, or one containing U+0000, has none.
	 */
	public static List<EntityTiles> scan(RocksDB db, ColumnFamilyHandle family, List<String> entities,
			long fromStartMs, long toStartMs) {
		byte[][] prefixes = new byte[entities.size()][];
		for (int i = 0; i < prefixes.length; i++) {
			prefixes[i] = TileKeys.entityPrefix(entities.get(i));
		}
		EntityTiles[] found = new EntityTiles[entities.size()];
		try (RocksIterator iterator = db.newIterator(family)) {
			for (int index : keyOrder(prefixes)) {
				found[index] = scan(iterator, entities.get(index), prefixes[index], fromStartMs, toStartMs);
			}
		}
		return Arrays.asList(found);
	}

	private static EntityTiles scan(RocksIterator iterator, String entity, byte[] prefix, long fromStartMs,
			long toStartMs) {
		if (entity.isEmpty() || entity.indexOf('\0') >= 0) {
			return EntityTiles.NONE;
		}
		List<Tile> inRange = new ArrayList<>();
		for (iterator.seek(TileKeys.key(entity, Math.max(0, fromStartMs))); iterator.isValid(); iterator.next()) {
			byte[] key = iterator.key();
			if (!TileKeys.isTileOf(prefix, key) || TileKeys.tileStartMs(key) > toStartMs) {
				break;
			}
			inRange.add(TileCodec.fromJson(iterator.value()));
		}
		if (!inRange.isEmpty()) {
			return new EntityTiles(inRange, Optional.of(inRange.getLast()));
		}
		iterator.seekForPrev(TileKeys.key(entity, toStartMs));
		return iterator.isValid() && TileKeys.isTileOf(prefix, iterator.key())
				? new EntityTiles(List.of(), Optional.of(TileCodec.fromJson(iterator.value()))) : EntityTiles.NONE;
	}

	private static Integer[] keyOrder(byte[][] prefixes) {
		Integer[] order = new Integer[prefixes.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		if (order.length > 1) {
			Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(prefixes[a], prefixes[b]));
		}
		return order;
	}
}
