package io.streamplane.engine.compile.internal.group;

import java.util.List;

import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.Values;

/**
 * The record key of a group, written like a table's row key: one {@code by} value as is when it
 * is a string, as JSON text otherwise ({@code 7}, {@code true}, {@code null}); several as the JSON
 * list of their values in {@code by} order ({@code ["eu","gold"]}). Numbers are normalized, so
 * {@code 7} and {@code 7.0} are one group.
 */
final class GroupKey {

	private GroupKey() {
	}

	/** The key of the group with these {@code by} values, already normalized. */
	static String of(List<Object> values) {
		if (values.size() == 1) {
			Object value = values.getFirst();
			return value instanceof String text ? text : JsonValues.toJson(Values.normalize(value)).toString();
		}
		return JsonValues.toJson(values).toString();
	}

}
