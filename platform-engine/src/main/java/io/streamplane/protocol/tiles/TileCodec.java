package io.streamplane.protocol.tiles;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON form of {@link Tile}, shared by the engine (writer) and the feature server (reader and store).
 * The format is described on {@link Tile} and {@link PartialAggregate}; unknown properties fail.
 */
public final class TileCodec {

	private static final JsonMapper MAPPER = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();

	private TileCodec() {
	}

	/** The UTF-8 JSON bytes of a tile. */
	public static byte[] toJson(Tile tile) {
		return MAPPER.writeValueAsBytes(tile);
	}

	/**
	 * Reads a tile from UTF-8 JSON bytes.
	 *
	 * @throws TileFormatException (permanent) if the bytes are not a valid tile
	 */
	public static Tile fromJson(byte[] json) {
		try {
			return MAPPER.readValue(json, Tile.class);
		}
		catch (JacksonException e) {
			throw TileFormatException.invalid("not a valid tile record: " + e.getOriginalMessage());
		}
	}
}
