package io.streamplane.features;

import io.streamplane.protocol.tiles.Tile;

/**
 * One tile record consumed from Kafka, to be applied to the {@link TileStore}: either a tile that
 * replaces the stored one, or a tombstone (a record with a {@code null} value) that removes it.
 *
 * @param view the feature view name
 * @param entity the entity key
 * @param tileStartMs start of the tile, epoch milliseconds
 * @param tile the new state, or {@code null} for a tombstone
 */
public record ConsumedTile(String view, String entity, long tileStartMs, Tile tile) {

	/** Checks that a present tile matches the record's coordinates. */
	public ConsumedTile {
		if (tile != null && (!tile.view().equals(view) || !tile.entity().equals(entity)
				|| tile.tileStartMs() != tileStartMs)) {
			throw FeatureServerException.invalid("consumed tile " + view + "/" + entity + "@" + tileStartMs
					+ " carries a tile for " + tile.view() + "/" + tile.entity() + "@" + tile.tileStartMs());
		}
	}

	/** A tile that replaces the stored state of its (view, entity, tileStart). */
	public static ConsumedTile of(Tile tile) {
		return new ConsumedTile(tile.view(), tile.entity(), tile.tileStartMs(), tile);
	}

	/** A removal of the stored state of (view, entity, tileStart). */
	public static ConsumedTile tombstone(String view, String entity, long tileStartMs) {
		return new ConsumedTile(view, entity, tileStartMs, null);
	}

	/** Whether this record removes the tile. */
	public boolean isTombstone() {
		return tile == null;
	}
}
