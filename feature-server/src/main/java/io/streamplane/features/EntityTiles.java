package io.streamplane.features;

import java.util.List;
import java.util.Optional;

import io.streamplane.protocol.tiles.Tile;

/**
 * What one request reads of an entity: its tiles in a range of tile starts, and its latest tile at or
 * before the end of that range.
 *
 * @param inRange tiles with {@code from <= tileStartMs <= to}, oldest first
 * @param latest the entity's newest tile with {@code tileStartMs <= to}, in range or not; empty when the
 *        entity has no such tile
 */
public record EntityTiles(List<Tile> inRange, Optional<Tile> latest) {

	/** An entity with no tiles. */
	public static final EntityTiles NONE = new EntityTiles(List.of(), Optional.empty());

	/** Freezes the list. */
	public EntityTiles {
		inRange = List.copyOf(inRange);
	}
}
