package io.streamplane.features.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.protocol.tiles.TileCodec;
import io.streamplane.protocol.tiles.TileFormatException;

/**
 * The form of a tile inside the tile store: decoded once at ingest, so a request decodes a few numbers
 * per tile instead of parsing JSON (about ten times faster). View and entity are not stored: the column
 * family and the key carry them.
 *
 * <p>Bytes: {@code 0x01}, then {@code tileStartMs}, {@code tileSizeMs}, {@code newestEventTimeMs} (int64
 * each), a partial count (uint16) and per partial its id (uint16 length + UTF-8), a type byte and the
 * components: count {@code n} (int64); sum/min/max a float64; avg {@code sum} (float64) and {@code count}
 * (int64); first/last a scalar and {@code timeMs} (int64); distinct the base64 sketch as a string. A
 * scalar is a tag byte (0 null, 1 string, 2 int64, 3 float64, 4 boolean, 5 int32) and its value. A tile
 * holding some other value (a big number) is stored as its JSON, which starts with {@code '{'}, and
 * {@link #decode} reads both forms, so stores written before this format still read.
 */
public final class StoredTiles {

	private static final byte BINARY = 0x01;

	private static final byte JSON = '{';

	private StoredTiles() {
	}

	/** The stored bytes of a tile: binary when every value is a supported scalar, JSON otherwise. */
	public static byte[] encode(Tile tile) {
		TileWriter writer = new TileWriter();
		return writer.write(tile) ? writer.bytes() : TileCodec.toJson(tile);
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
		if (bytes.length < 27 || bytes[0] != BINARY) {
			throw TileFormatException.invalid("stored tile of " + view + "/" + entity + " has an unknown format");
		}
		ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
		long startMs = in.getLong();
		long sizeMs = in.getLong();
		long newestMs = in.getLong();
		int count = in.getShort() & 0xFFFF;
		Map<String, PartialAggregate> partials = HashMap.newHashMap(count);
		for (int i = 0; i < count; i++) {
			String id = string(in);
			partials.put(id, partial(in, in.get()));
		}
		return new Tile(view, entity, startMs, sizeMs, newestMs, partials);
	}

	private static PartialAggregate partial(ByteBuffer in, byte type) {
		return switch (type) {
			case TileWriter.COUNT -> new PartialAggregate.Count(in.getLong());
			case TileWriter.SUM -> new PartialAggregate.Sum(in.getDouble());
			case TileWriter.MIN -> new PartialAggregate.Min(in.getDouble());
			case TileWriter.MAX -> new PartialAggregate.Max(in.getDouble());
			case TileWriter.AVG -> new PartialAggregate.Avg(in.getDouble(), in.getLong());
			case TileWriter.FIRST -> new PartialAggregate.First(scalar(in), in.getLong());
			case TileWriter.LAST -> new PartialAggregate.Last(scalar(in), in.getLong());
			case TileWriter.DISTINCT -> new PartialAggregate.Distinct(string(in));
			default -> throw TileFormatException.invalid("stored tile has a partial of unknown type " + type);
		};
	}

	private static Object scalar(ByteBuffer in) {
		byte tag = in.get();
		return switch (tag) {
			case TileWriter.NULL -> null;
			case TileWriter.STRING -> string(in);
			case TileWriter.LONG -> in.getLong();
			case TileWriter.DOUBLE -> in.getDouble();
			case TileWriter.BOOLEAN -> in.get() != 0;
			case TileWriter.INT -> in.getInt();
			default -> throw TileFormatException.invalid("stored tile has a value of unknown tag " + tag);
		};
	}

	private static String string(ByteBuffer in) {
		int length = in.getShort() & 0xFFFF;
		String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
		in.position(in.position() + length);
		return text;
	}

}
