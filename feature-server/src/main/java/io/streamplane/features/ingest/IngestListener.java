package io.streamplane.features.ingest;

import java.util.List;

import io.streamplane.features.ConsumedTile;

/** What {@link TileIngest} reports as it goes, on its own thread; implementations must be quick. */
public interface IngestListener {

	/** A listener that ignores everything. */
	IngestListener NONE = new IngestListener() {
	};

	/** These tiles (and their offsets) were written to the store. */
	default void applied(List<ConsumedTile> tiles) {
	}

	/** A record was skipped because it is not a valid tile record. */
	default void malformed() {
	}

	/**
	 * After a poll: the records between the consumed positions and the ends of the tile topic partitions,
	 * summed over the partitions whose end is known.
	 */
	default void lag(long records) {
	}

}
