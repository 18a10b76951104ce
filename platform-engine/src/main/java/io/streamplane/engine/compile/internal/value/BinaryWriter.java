package io.streamplane.engine.compile.internal.value;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the compact binary form of internal records ({@link RowSerde}, {@code window.WindowStateSerde}):
 * variable-length integers and the JSON-like values of a {@link Row}, each value a tag byte
 * followed by its payload. {@link BinaryReader} reads it back. Values of other types are written as
 * their text, as in JSON. One writer builds one record; it is not thread-safe.
 */
public final class BinaryWriter {

	static final byte NULL = 0;

	static final byte FALSE = 1;

	static final byte TRUE = 2;

	static final byte LONG = 3;

	static final byte DOUBLE = 4;

	static final byte STRING = 5;

	static final byte LIST = 6;

	static final byte MAP = 7;

	private byte[] buffer = new byte[64];

	private int size;

	/** The bytes written so far. */
	public byte[] toByteArray() {
		return Arrays.copyOf(buffer, size);
	}

	public BinaryWriter writeByte(int value) {
		ensure(1);
		buffer[size++] = (byte) value;
		return this;
	}

	/** A signed long as a zig-zag varint: small magnitudes take one or two bytes. */
	public BinaryWriter writeLong(long value) {
		long bits = (value << 1) ^ (value >> 63);
		ensure(10);
		while ((bits & ~0x7FL) != 0) {
			buffer[size++] = (byte) ((bits & 0x7F) | 0x80);
			bits >>>= 7;
		}
		buffer[size++] = (byte) bits;
		return this;
	}

	public BinaryWriter writeDouble(double value) {
		long bits = Double.doubleToRawLongBits(value);
		ensure(8);
		for (int shift = 56; shift >= 0; shift -= 8) {
			buffer[size++] = (byte) (bits >>> shift);
		}
		return this;
	}

	/** A length, then the bytes; {@code null} as length -1. */
	BinaryWriter writeBytes(byte[] bytes) {
		if (bytes == null) {
			return writeLong(-1);
		}
		writeLong(bytes.length);
		ensure(bytes.length);
		System.arraycopy(bytes, 0, buffer, size, bytes.length);
		size += bytes.length;
		return this;
	}

	BinaryWriter writeString(String text) {
		return writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A row value: {@code null}, {@code Boolean}, {@code Long}, {@code Double}, {@code String}, list or map. */
	public BinaryWriter writeValue(Object value) {
		switch (value) {
			case null -> writeByte(NULL);
			case Boolean bool -> writeByte(bool ? TRUE : FALSE);
			case Long number -> writeByte(LONG).writeLong(number);
			case Double number -> writeByte(DOUBLE).writeDouble(number);
			case List<?> list -> {
				writeByte(LIST).writeLong(list.size());
				list.forEach(this::writeValue);
			}
			case Map<?, ?> map -> writeByte(MAP).writeFields(map);
			default -> writeByte(STRING).writeString(value.toString());
		}
		return this;
	}

	/** The entries of a map: their count, then each name and value. */
	BinaryWriter writeFields(Map<?, ?> fields) {
		writeLong(fields.size());
		fields.forEach((name, value) -> writeString(String.valueOf(name)).writeValue(value));
		return this;
	}

	private void ensure(int more) {
		if (size + more > buffer.length) {
			buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
		}
	}

}
