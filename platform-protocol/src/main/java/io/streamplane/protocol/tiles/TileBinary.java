package io.streamplane.protocol.tiles;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The compact binary form of a {@link Tile}: what the engine writes to the tile topics and keeps in its
 * tile store (named: with view and entity), and what the feature server keeps in its store (unnamed: the
 * column family and the key carry view and entity). About a third of the JSON's size, and encoded and
 * decoded without a parser.
 *
 * <p>Bytes, big-endian: a form byte ({@value #NAMED} named, {@value #UNNAMED} unnamed); named only, the
 * view and the entity as strings; then {@code tileStartMs}, {@code tileSizeMs}, {@code newestEventTimeMs}
 * (int64 each), a partial count (uint16) and per partial its id (a string), a type byte and the components:
 * count (1) {@code n} int64; sum (2), min (3), max (4) a float64; avg (5) {@code sum} float64 and
 * {@code count} int64; first (6) and last (7) a scalar and {@code timeMs} int64; distinct (8) the base64
 * sketch as a string; decimal sum (9) {@code total} as a string; decimal avg (10) {@code sum} as a string and
 * {@code count} int64. A string is a uint16 length and its UTF-8 bytes; a scalar is a tag byte (0 null,
 * 1 string, 2 int64, 3 float64, 4 boolean, 5 int32) and its value. A tile holding some other value (a big
 * number, a string over 65,535 bytes) has no binary form: {@link TileCodec#toBytes} writes its JSON.
 */
public final class TileBinary {

	/** The form byte of the binary form with view and entity. */
	public static final byte NAMED = 0x02;

	/** The form byte of the binary form without view and entity. */
	public static final byte UNNAMED = 0x01;

	private static final int FIXED_BYTES = 1 + 3 * Long.BYTES + Short.BYTES;

	private TileBinary() {
	}

	/** The named binary bytes of {@code tile}, or empty if one of its values has no binary form. */
	public static Optional<byte[]> named(Tile tile) {
		return write(tile, true);
	}

	/** The unnamed binary bytes of {@code tile}, or empty if one of its values has no binary form. */
	public static Optional<byte[]> unnamed(Tile tile) {
		return write(tile, false);
	}

	/**
	 * Reads named binary bytes.
	 *
	 * @throws TileFormatException if the bytes are not a valid tile in the named form
	 */
	public static Tile readNamed(byte[] bytes) {
		return read(bytes, NAMED, null, null);
	}

	/**
	 * Reads unnamed binary bytes into the tile of {@code view} and {@code entity}.
	 *
	 * @throws TileFormatException if the bytes are not a valid tile in the unnamed form
	 */
	public static Tile readUnnamed(String view, String entity, byte[] bytes) {
		return read(bytes, UNNAMED, view, entity);
	}

	private static Optional<byte[]> write(Tile tile, boolean named) {
		TileBinaryWriter writer = new TileBinaryWriter();
		return writer.write(tile, named) ? Optional.of(writer.bytes()) : Optional.empty();
	}

	private static Tile read(byte[] bytes, byte form, String view, String entity) {
		if (bytes.length < FIXED_BYTES || bytes[0] != form) {
			throw TileFormatException.invalid("not a tile in binary form " + form);
		}
		ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
		try {
			Tile tile = new Tile(form == NAMED ? string(in) : view, form == NAMED ? string(in) : entity, in.getLong(),
					in.getLong(), in.getLong(), partials(in));
			if (in.hasRemaining()) {
				throw TileFormatException.invalid("binary tile has " + in.remaining() + " bytes after its last partial");
			}
			return tile;
		}
		catch (BufferUnderflowException ex) {
			throw TileFormatException.invalid("binary tile is truncated (" + bytes.length + " bytes)");
		}
	}

	private static Map<String, PartialAggregate> partials(ByteBuffer in) {
		int count = in.getShort() & 0xFFFF;
		Map<String, PartialAggregate> partials = new TreeMap<>();
		for (int i = 0; i < count; i++) {
			String id = string(in);
			partials.put(id, partial(in, in.get()));
		}
		return partials;
	}

	private static PartialAggregate partial(ByteBuffer in, byte type) {
		return switch (type) {
			case TileBinaryWriter.COUNT -> new PartialAggregate.Count(in.getLong());
			case TileBinaryWriter.SUM -> new PartialAggregate.Sum(in.getDouble());
			case TileBinaryWriter.MIN -> new PartialAggregate.Min(in.getDouble());
			case TileBinaryWriter.MAX -> new PartialAggregate.Max(in.getDouble());
			case TileBinaryWriter.AVG -> new PartialAggregate.Avg(in.getDouble(), in.getLong());
			case TileBinaryWriter.FIRST -> new PartialAggregate.First(scalar(in), in.getLong());
			case TileBinaryWriter.LAST -> new PartialAggregate.Last(scalar(in), in.getLong());
			case TileBinaryWriter.DISTINCT -> new PartialAggregate.Distinct(string(in));
			case TileBinaryWriter.DECIMAL_SUM -> new PartialAggregate.DecimalSum(string(in));
			case TileBinaryWriter.DECIMAL_AVG -> new PartialAggregate.DecimalAvg(string(in), in.getLong());
			default -> throw TileFormatException.invalid("binary tile has a partial of unknown type " + type);
		};
	}

	private static Object scalar(ByteBuffer in) {
		byte tag = in.get();
		return switch (tag) {
			case TileBinaryWriter.NULL -> null;
			case TileBinaryWriter.STRING -> string(in);
			case TileBinaryWriter.LONG -> in.getLong();
			case TileBinaryWriter.DOUBLE -> in.getDouble();
			case TileBinaryWriter.BOOLEAN -> in.get() != 0;
			case TileBinaryWriter.INT -> in.getInt();
			default -> throw TileFormatException.invalid("binary tile has a value of unknown tag " + tag);
		};
	}

	private static String string(ByteBuffer in) {
		int length = in.getShort() & 0xFFFF;
		if (length > in.remaining()) {
			throw new BufferUnderflowException();
		}
		String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
		in.position(in.position() + length);
		return text;
	}

}
