package io.streamplane.engine.compile.internal.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A record flowing through a compiled pipeline: its fields as JSON-like Java values
 * ({@code Long}, {@code Double}, {@code String}, {@code Boolean}, {@code null}, {@code List},
 * {@code Map}), where it came from, and, for a record that failed, why. An end-of-input marker is
 * a row that only advances event time in preview; every operator passes it on untouched and
 * outputs drop it.
 *
 * @param fields the record's fields in order
 * @param origin the bytes it was read as
 * @param failure why it failed, or {@code null}
 * @param marker whether this is an end-of-input marker
 */
public record Row(Map<String, Object> fields, Origin origin, Failure failure, boolean marker) {

	private static final Class<?> FROZEN = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

	/** Copies {@code fields}, unless they are the fields of another row or handed over by {@link #owning}. */
	public Row {
		fields = fields.getClass() == FROZEN ? fields : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/** A regular record. */
	public static Row of(Map<String, Object> fields, Origin origin) {
		return new Row(fields, origin, null, false);
	}

	/**
	 * A record that takes over a map its caller has just filled and never touches again, without
	 * copying it.
	 */
	public static Row owning(LinkedHashMap<String, Object> fields, Origin origin, boolean marker) {
		return new Row(Collections.unmodifiableMap(fields), origin, null, marker);
	}

	/** An end-of-input marker. */
	public static Row endOfInput() {
		return new Row(Map.of(), Origin.none(), null, true);
	}

	/** Whether the record failed and must go to the dead-letter topic. */
	public boolean failed() {
		return failure != null;
	}

	/** This record, failed. */
	public Row fail(Failure why) {
		return new Row(fields, origin, why, marker);
	}

	/** A copy with one field added or replaced. */
	public Row with(String field, Object value) {
		if (fields.containsKey(field) && Objects.equals(fields.get(field), value)) {
			return this;
		}
		LinkedHashMap<String, Object> copy = new LinkedHashMap<>(fields);
		copy.put(field, value);
		return new Row(Collections.unmodifiableMap(copy), origin, failure, marker);
	}

	/** A copy with the given fields added or replaced, in order. */
	public Row withAll(Map<String, Object> values) {
		LinkedHashMap<String, Object> copy = new LinkedHashMap<>(fields);
		copy.putAll(values);
		return new Row(Collections.unmodifiableMap(copy), origin, failure, marker);
	}

	/** A copy with only the named fields that the record has, in the given order. */
	public Row select(List<String> names) {
		LinkedHashMap<String, Object> selected = new LinkedHashMap<>();
		for (String name : names) {
			if (fields.containsKey(name)) {
				selected.put(name, fields.get(name));
			}
		}
		return new Row(Collections.unmodifiableMap(selected), origin, failure, marker);
	}

}
