package io.streamplane.protocol.tiles;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes the binary form of {@link TileBinary}; one writer per tile. */
final class TileBinaryWriter {

	static final byte COUNT = 1;

	static final byte SUM = 2;

	static final byte MIN = 3;

	static final byte MAX = 4;

	static final byte AVG = 5;

	static final byte FIRST = 6;

	static final byte LAST = 7;

	static final byte DISTINCT = 8;

	static final byte DECIMAL_SUM = 9;

	static final byte DECIMAL_AVG = 10;

	static final byte NULL = 0;

	static final byte STRING = 1;

	static final byte LONG = 2;

	static final byte DOUBLE = 3;

	static final byte BOOLEAN = 4;

	static final byte INT = 5;

	private static final int MAX_STRING_BYTES = 0xFFFF;

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(128);

	private final DataOutputStream out = new DataOutputStream(buffer);

	/**
	 * Writes {@code tile}, with its view and entity when {@code named}; {@code false} if it holds something this
	 * form cannot (then use its JSON).
	 */
	boolean write(Tile tile, boolean named) {
		try {
			out.writeByte(named ? TileBinary.NAMED : TileBinary.UNNAMED);
			if (named && !(string(tile.view()) && string(tile.entity()))) {
				return false;
			}
			out.writeLong(tile.tileStartMs());
			out.writeLong(tile.tileSizeMs());
			out.writeLong(tile.newestEventTimeMs());
			if (tile.partials().size() > 0xFFFF) {
				return false;
			}
			out.writeShort(tile.partials().size());
			for (Map.Entry<String, PartialAggregate> entry : tile.partials().entrySet()) {
				if (!string(entry.getKey()) || !partial(entry.getValue())) {
					return false;
				}
			}
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	byte[] bytes() {
		return buffer.toByteArray();
	}

	private boolean partial(PartialAggregate partial) throws IOException {
		switch (partial) {
			case PartialAggregate.Count count -> {
				out.writeByte(COUNT);
				out.writeLong(count.n());
			}
			case PartialAggregate.Sum sum -> {
				out.writeByte(SUM);
				out.writeDouble(sum.total());
			}
			case PartialAggregate.Min min -> {
				out.writeByte(MIN);
				out.writeDouble(min.value());
			}
			case PartialAggregate.Max max -> {
				out.writeByte(MAX);
				out.writeDouble(max.value());
			}
			case PartialAggregate.Avg avg -> {
				out.writeByte(AVG);
				out.writeDouble(avg.sum());
				out.writeLong(avg.count());
			}
			case PartialAggregate.First first -> {
				out.writeByte(FIRST);
				return timed(first.value(), first.timeMs());
			}
			case PartialAggregate.Last last -> {
				out.writeByte(LAST);
				return timed(last.value(), last.timeMs());
			}
			case PartialAggregate.Distinct distinct -> {
				out.writeByte(DISTINCT);
				return string(distinct.sketch());
			}
			case PartialAggregate.DecimalSum sum -> {
				out.writeByte(DECIMAL_SUM);
				return string(sum.total());
			}
			case PartialAggregate.DecimalAvg avg -> {
				out.writeByte(DECIMAL_AVG);
				if (!string(avg.sum())) {
					return false;
				}
				out.writeLong(avg.count());
			}
		}
		return true;
	}

	private boolean timed(Object value, long timeMs) throws IOException {
		if (!scalar(value)) {
			return false;
		}
		out.writeLong(timeMs);
		return true;
	}

	private boolean scalar(Object value) throws IOException {
		switch (value) {
			case null -> out.writeByte(NULL);
			case String text -> {
				out.writeByte(STRING);
				return string(text);
			}
			case Long number -> {
				out.writeByte(LONG);
				out.writeLong(number);
			}
			case Integer number -> {
				out.writeByte(INT);
				out.writeInt(number);
			}
			case Double number -> {
				out.writeByte(DOUBLE);
				out.writeDouble(number);
			}
			case Boolean flag -> {
				out.writeByte(BOOLEAN);
				out.writeBoolean(flag);
			}
			default -> {
				return false;
			}
		}
		return true;
	}

	private boolean string(String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > MAX_STRING_BYTES) {
			return false;
		}
		out.writeShort(bytes.length);
		out.write(bytes);
		return true;
	}

}
