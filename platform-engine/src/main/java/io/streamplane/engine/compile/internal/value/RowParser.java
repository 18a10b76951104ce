package io.streamplane.engine.compile.internal.value;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Parses a record value that must be a JSON object into row fields: the fast reader first, Jackson for the rest. */
public final class RowParser {

	private RowParser() {
	}

	/** The fields of a JSON object value, in order; a {@link RecordException} if it is not one. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> parse(byte[] value) {
		LinkedHashMap<String, Object> plain = JsonObjectReader.read(value);
		if (plain != null) {
			return plain;
		}
		JsonNode node;
		try {
			node = JsonValues.JSON.readTree(value);
		}
		catch (JacksonException ex) {
			throw new RecordException("unparsable JSON: " + ex.getOriginalMessage(), ex);
		}
		if (node == null || !node.isObject()) {
			throw new RecordException("expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
		}
		return (Map<String, Object>) JsonValues.fromJson(node);
	}

}
