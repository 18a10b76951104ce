package io.streamplane.engine.compile.internal.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a record value that is a well-formed JSON object straight into the fields of a row, with
 * Jackson's streaming parser and no intermediate tree, giving the values {@link JsonValues#fromJson}
 * gives for its tree. Anything else (not an object, malformed, trailing content, a repeated name)
 * yields {@code null}, so that the caller reads it the thorough way and reports it as it always has.
 */
final class JsonObjectReader {

	private static final NotPlain NOT_PLAIN = new NotPlain();

	private JsonObjectReader() {
	}

	/** The fields of the object, or {@code null} when the value is not a plain well-formed object. */
	static LinkedHashMap<String, Object> read(byte[] value) {
		try (JsonParser parser = JsonValues.JSON.createParser(value)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			LinkedHashMap<String, Object> fields = object(parser);
			return parser.nextToken() == null ? fields : null;
		}
		catch (JacksonException | NotPlain ex) {
			return null;
		}
	}

	private static LinkedHashMap<String, Object> object(JsonParser parser) {
		LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
			String name = parser.currentName();
			if (fields.containsKey(name)) {
				throw NOT_PLAIN;
			}
			parser.nextToken();
			fields.put(name, value(parser));
		}
		return fields;
	}

	private static Object value(JsonParser parser) {
		return switch (parser.currentToken()) {
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
				case INT, LONG -> parser.getLongValue();
				default -> parser.getDoubleValue();
			};
			case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
			case VALUE_TRUE -> true;
			case VALUE_FALSE -> false;
			case VALUE_NULL -> null;
			case START_ARRAY -> array(parser);
			case START_OBJECT -> object(parser);
			default -> throw NOT_PLAIN;
		};
	}

	private static List<Object> array(JsonParser parser) {
		List<Object> list = new ArrayList<>();
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			list.add(value(parser));
		}
		return list;
	}

	/** A value the fast path leaves to the thorough one; carries no stack trace. */
	private static final class NotPlain extends RuntimeException {

		private NotPlain() {
			super(null, null, false, false);
		}

	}

}
