package io.streamplane.engine.compile.internal.value;

import java.util.Arrays;
import java.util.Map;

/**
 * Writes the JSON text of a flat row quickly: when every field name and string value is printable
 * ASCII that JSON never escapes and every value is a string, an integer, a boolean or
 * {@code null}, the bytes are exactly those {@link JsonValues#toJsonBytes} writes, without a
 * generator. Any other row is left to {@link JsonValues#toJsonBytes}. One instance per operator;
 * not thread-safe.
 */
public final class FlatJson {

	private byte[] buffer = new byte[256];

	private int length;

	/** The JSON object of {@code fields}, as UTF-8. */
	public byte[] toJsonBytes(Map<String, Object> fields) {
		byte[] flat = flat(fields);
		return flat != null ? flat : JsonValues.toJsonBytes(fields);
	}

	/** The JSON object of {@code fields}, or {@code null} when the row is not flat. */
	byte[] flat(Map<String, Object> fields) {
		length = 0;
		append('{');
		boolean first = true;
		for (Map.Entry<String, Object> field : fields.entrySet()) {
			if (!first) {
				append(',');
			}
			first = false;
			if (!string(field.getKey())) {
				return null;
			}
			append(':');
			if (!value(field.getValue())) {
				return null;
			}
		}
		append('}');
		return Arrays.copyOf(buffer, length);
	}

	private boolean value(Object value) {
		switch (value) {
			case null -> ascii("null");
			case String text -> {
				return string(text);
			}
			case Long number -> ascii(Long.toString(number));
			case Boolean bool -> ascii(bool ? "true" : "false");
			default -> {
				return false;
			}
		}
		return true;
	}

	private boolean string(String text) {
		append('"');
		int count = text.length();
		ensure(count + 1);
		for (int i = 0; i < count; i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '/') {
				return false;
			}
			buffer[length++] = (byte) c;
		}
		buffer[length++] = '"';
		return true;
	}

	private void ascii(String text) {
		int count = text.length();
		ensure(count);
		for (int i = 0; i < count; i++) {
			buffer[length++] = (byte) text.charAt(i);
		}
	}

	private void append(char c) {
		ensure(1);
		buffer[length++] = (byte) c;
	}

	private void ensure(int more) {
		if (length + more > buffer.length) {
			buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
		}
	}

}
