package io.streamplane.features.internal;

import io.streamplane.protocol.tiles.Tile;
import io.streamplane.protocol.tiles.TileBinary;
import io.streamplane.protocol.tiles.TileCodec;
import io.streamplane.protocol.tiles.TileFormatException;

/**
 * The form of a tile inside the tile store: decoded once at ingest, so a request decodes a few numbers
 * per tile instead of parsing JSON (about ten times faster). It is the unnamed {@link TileBinary} form: view
 * and entity are not stored, the column family and the key carry them. A tile holding a value that form
 * cannot (a big number) is stored as its JSON, which starts with {@code '{'}, and {@link #decode} reads
 * both forms, so stores written before the binary form still read.
 */
public final class StoredTiles {

	private static final byte JSON = '{';

	private StoredTiles() {
	}

	/** The stored bytes of a tile: binary when every value is a supported scalar, JSON otherwise. */
	public static byte[] encode(Tile tile) {
		return TileBinary.unnamed(tile).orElseGet(() -> TileCodec.toJson(tile));
	}

	/**
	 * Reads stored bytes back into the tile of {@code view} and {@code entity}.
	 *
	 * @throws TileFormatException if the bytes are neither form
	 */
	public static Tile decode(String view, String entity, byte[] bytes) {
		if (bytes.length > 0 && bytes[0] == JSON) {
			return TileCodec.fromJson(bytes);
		}
		if (bytes.length == 0 || bytes[0] != TileBinary.UNNAMED) {
			throw TileFormatException.invalid("stored tile of " + view + "/" + entity + " has an unknown format");
		}
		return TileBinary.readUnnamed(view, entity, bytes);
	}

}
