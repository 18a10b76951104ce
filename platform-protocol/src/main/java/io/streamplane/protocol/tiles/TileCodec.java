package io.streamplane.protocol.tiles;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record forms of {@link Tile}, shared by the engine (writer) and the feature server (reader and store):
 * JSON, described on {@link Tile} and {@link PartialAggregate} (unknown properties fail), and the compact
 * {@link TileBinary} form the engine writes. {@link #fromBytes} reads both, so any producer may write JSON.
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

	/** The bytes the engine writes for a tile: its named {@link TileBinary} form, or its JSON if it has none. */
	public static byte[] toBytes(Tile tile) {
		return TileBinary.named(tile).orElseGet(() -> toJson(tile));
	}

	/**
	 * Reads a tile from either form: JSON (the first byte is <code>'{'</code>) or named {@link TileBinary}.
	 *
	 * @throws TileFormatException (permanent) if the bytes are not a valid tile
	 */
	public static Tile fromBytes(byte[] bytes) {
		return bytes.length > 0 && bytes[0] == TileBinary.NAMED ? TileBinary.readNamed(bytes) : fromJson(bytes);
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
