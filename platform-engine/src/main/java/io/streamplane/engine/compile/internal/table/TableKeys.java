package io.streamplane.engine.compile.internal.table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Values;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The identity of a table row as a record key: one primary-key value as is when it is a string,
 * as JSON text otherwise ({@code 7}, {@code true}); a composite key as the JSON list of its values
 * in primary-key order ({@code [7,"eu"]}). Numbers are normalized, so {@code 7} and {@code 7.0}
 * name the same row. A join key is encoded the same way, so it meets the row it names.
 */
final class TableKeys {

	private TableKeys() {
	}

	/** The key of a row of a table with primary key {@code primaryKey}. */
	static String ofRow(Map<String, Object> fields, List<String> primaryKey) {
		List<Object> values = new ArrayList<>(primaryKey.size());
		for (String field : primaryKey) {
			Object value = fields.get(field);
			if (value == null) {
				throw new RecordException("the row has no primary-key field '" + field + "' (primary key " + primaryKey +
						"); every row of a table needs all its primary-key fields");
			}
			values.add(value);
		}
		return of(values.size() == 1 ? values.getFirst() : values, primaryKey.size(), "primary key " + primaryKey);
	}

	/**
	 * The key of the row a tombstone deletes, from its Kafka record key: a JSON object of the
	 * primary-key fields, or for a single-column key a JSON scalar or plain text.
	 */
	static String ofRecordKey(byte[] key, List<String> primaryKey) {
		if (key == null) {
			throw new RecordException("a delete needs the record key of the row, but the record has none");
		}
		JsonNode node;
		try {
			node = JsonValues.JSON.readTree(key);
		}
		catch (JacksonException ex) {
			node = null;
		}
		if (node != null && node.isObject()) {
			@SuppressWarnings("unchecked")
			Map<String, Object> fields = (Map<String, Object>) JsonValues.fromJson(node);
			return ofRow(fields, primaryKey);
		}
		if (primaryKey.size() > 1) {
			throw new RecordException("the record key must be a JSON object of the primary-key fields " + primaryKey +
					", got " + new String(key, StandardCharsets.UTF_8));
		}
		Object value = node != null && node.isValueNode() && !node.isNull() ? JsonValues.fromJson(node)
				: new String(key, StandardCharsets.UTF_8);
		return of(value, 1, "primary key " + primaryKey);
	}

	/**
	 * The key for the value of a join expression or primary key, {@code null} for {@code null}.
	 * @param columns the number of primary-key fields the value must name
	 * @param what what the value is, for messages
	 */
	static String of(Object value, int columns, String what) {
		if (value == null) {
			return null;
		}
		if (columns == 1) {
			return scalar(value, what);
		}
		if (!(value instanceof List<?> list) || list.size() != columns) {
			throw new RecordException(what + " must be a list of " + columns + " values for the composite primary key, got " +
					JsonValues.describe(value));
		}
		List<Object> normalized = new ArrayList<>(columns);
		for (Object element : list) {
			normalized.add(Values.normalize(checked(element, what)));
		}
		return JsonValues.toJson(normalized).toString();
	}

	private static String scalar(Object value, String what) {
		return switch (Values.normalize(checked(value, what))) {
			case String text -> text;
			case Long number -> Long.toString(number);
			case Boolean bool -> Boolean.toString(bool);
			case Object other -> JsonValues.toJson(other).toString();
		};
	}

	private static Object checked(Object value, String what) {
		boolean whole = value instanceof Double number && number == Math.rint(number);
		if (value instanceof String || value instanceof Long || value instanceof Boolean || whole) {
			return value;
		}
		throw new RecordException(what + " must be a string, an integer or a bool, got " + JsonValues.describe(value));
	}

}
