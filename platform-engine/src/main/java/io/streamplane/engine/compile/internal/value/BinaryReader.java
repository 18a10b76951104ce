package io.streamplane.engine.compile.internal.value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what {@link BinaryWriter} wrote, in the same order. One reader reads one record. */
public final class BinaryReader {

	private final byte[] bytes;

	private int position;

	public BinaryReader(byte[] bytes) {
		this.bytes = bytes;
	}

	public int readByte() {
		return bytes[position++];
	}

	public long readLong() {
		long bits = 0;
		int shift = 0;
		byte next;
		do {
			next = bytes[position++];
			bits |= (long) (next & 0x7F) << shift;
			shift += 7;
		}
		while (next < 0);
		return (bits >>> 1) ^ -(bits & 1);
	}

	public double readDouble() {
		long bits = 0;
		for (int i = 0; i < 8; i++) {
			bits = (bits << 8) | (bytes[position++] & 0xFF);
		}
		return Double.longBitsToDouble(bits);
	}

	byte[] readBytes() {
		int length = (int) readLong();
		if (length < 0) {
			return null;
		}
		byte[] read = new byte[length];
		System.arraycopy(bytes, position, read, 0, length);
		position += length;
		return read;
	}

	String readString() {
		int length = (int) readLong();
		String text = new String(bytes, position, length, StandardCharsets.UTF_8);
		position += length;
		return text;
	}

	public Object readValue() {
		int tag = readByte();
		return switch (tag) {
			case BinaryWriter.NULL -> null;
			case BinaryWriter.FALSE -> false;
			case BinaryWriter.TRUE -> true;
			case BinaryWriter.LONG -> readLong();
			case BinaryWriter.DOUBLE -> readDouble();
			case BinaryWriter.STRING -> readString();
			case BinaryWriter.LIST -> readList();
			case BinaryWriter.MAP -> readFields();
			default -> throw new IllegalStateException("unknown value tag " + tag + " at byte " + (position - 1) +
					" of an internal record; was it written by another version of the engine?");
		};
	}

	/** Entries written by {@link BinaryWriter#writeFields}, in order. */
	LinkedHashMap<String, Object> readFields() {
		int count = (int) readLong();
		LinkedHashMap<String, Object> fields = LinkedHashMap.newLinkedHashMap(count);
		for (int i = 0; i < count; i++) {
			fields.put(readString(), readValue());
		}
		return fields;
	}

	private List<Object> readList() {
		int count = (int) readLong();
		List<Object> list = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			list.add(readValue());
		}
		return list;
	}

}
