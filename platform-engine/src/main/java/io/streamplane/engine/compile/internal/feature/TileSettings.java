package io.streamplane.engine.compile.internal.feature;

import java.util.List;

import io.streamplane.spec.Aggregation;

/**
 * What a {@link TileUpdater} needs to know of its feature view.
 *
 * @param path the view's spec path, named in dead letters
 * @param deadLetter the node name of the dead-letter child
 * @param view the view name written into each tile
 * @param tileSizeMs the tile length
 * @param horizonMs how far behind the stream time a record is late and a tile expires: the view's
 * retention plus the lateness of its stream
 * @param aggregations one per partial, named by partial id
 * @param storeName the tile store
 */
record TileSettings(String path, String deadLetter, String view, long tileSizeMs, long horizonMs,
		List<Aggregation> aggregations, String storeName) {

	TileSettings {
		aggregations = List.copyOf(aggregations);
	}

}
