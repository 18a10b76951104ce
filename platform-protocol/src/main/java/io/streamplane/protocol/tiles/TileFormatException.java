package io.streamplane.protocol.tiles;

import io.streamplane.kernel.FailureKind;
import io.streamplane.kernel.StreamplaneException;

/**
 * A tile, or a partial aggregate, that breaks the tile contract: a malformed record, an invalid
 * field, or partials of different kinds merged. Permanent: reading the same bytes again fails again.
 */
public final class TileFormatException extends StreamplaneException {

	private TileFormatException(String message) {
		super(message, null, FailureKind.PERMANENT);
	}

	/** A tile or partial that breaks the contract described on {@link Tile}. */
	public static TileFormatException invalid(String message) {
		return new TileFormatException(message);
	}

}
