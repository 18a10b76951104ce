package io.streamplane.engine.compile.internal.value;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cel.common.types.CelType;
import dev.cel.common.values.NullValue;

/**
 * Converts the Java value of a record field to the value CEL expects for the field's declared
 * type: {@code int} fields need a {@code Long}, {@code double} fields a {@code Double},
 * {@code timestamp} fields an {@code Instant} (parsed from ISO-8601); {@code dyn} fields keep their
 * JSON type. A value that does not fit its type is a {@link RecordException}.
 */
public final class CelValues {

	private CelValues() {
	}

	/**
	 * The CEL value of a field.
	 * @param field the field name, for messages
	 * @param value the field's Java value
	 * @param type the type the expression was checked with
	 */
	public static Object toCel(String field, Object value, CelType type) {
		if (value == null) {
			return NullValue.NULL_VALUE;
		}
		return switch (type.kind()) {
			case INT -> integer(field, value);
			case DOUBLE -> decimal(field, value);
			case STRING -> expect(field, value, String.class, "string");
			case BOOL -> expect(field, value, Boolean.class, "bool");
			case TIMESTAMP -> timestamp(field, value);
			default -> dynamic(value);
		};
	}

	private static Object integer(String field, Object value) {
		if (value instanceof Long) {
			return value;
		}
		if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
			return number.longValue();
		}
		throw mistyped(field, value, "int");
	}

	private static Object decimal(String field, Object value) {
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		throw mistyped(field, value, "double");
	}

	private static Object expect(String field, Object value, Class<?> type, String name) {
		if (type.isInstance(value)) {
			return value;
		}
		throw mistyped(field, value, name);
	}

	private static Object timestamp(String field, Object value) {
		if (value instanceof String text) {
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw new RecordException("field '" + field + "' is \"" + text +
						"\", expected an ISO-8601 timestamp such as 2026-01-01T12:00:00Z", ex);
			}
		}
		throw mistyped(field, value, "timestamp");
	}

	private static Object dynamic(Object value) {
		return switch (value) {
			case null -> NullValue.NULL_VALUE;
			case Map<?, ?> map -> {
				Map<Object, Object> copy = new LinkedHashMap<>();
				map.forEach((key, element) -> copy.put(key, dynamic(element)));
				yield copy;
			}
			case List<?> list -> list.stream().map(CelValues::dynamic).toList();
			default -> value;
		};
	}

	private static RecordException mistyped(String field, Object value, String expected) {
		return new RecordException("field '" + field + "' is " + JsonValues.describe(value) + ", expected " + expected);
	}

}
