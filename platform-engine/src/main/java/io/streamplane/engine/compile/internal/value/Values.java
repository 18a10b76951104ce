package io.streamplane.engine.compile.internal.value;

import java.util.Comparator;

/** Arithmetic and ordering over the JSON-like values of rows, for aggregations. */
public final class Values {

	private static final Comparator<Object> BY_TEXT = Comparator.comparing(value -> JsonValues.toJson(value).toString());

	private Values() {
	}

	/** The sum of two numbers, {@code null} counting as absent: a {@code Long} unless either is a decimal or it overflows. */
	public static Object add(Object left, Object right) {
		if (left == null) {
			return right;
		}
		if (left instanceof Long a && right instanceof Long b) {
			long sum = a + b;
			if (((a ^ sum) & (b ^ sum)) >= 0) {
				return sum;
			}
		}
		return ((Number) left).doubleValue() + ((Number) right).doubleValue();
	}

	/** Orders numbers by value, strings and booleans naturally, other values by their JSON text. */
	public static int compare(Object left, Object right) {
		if (left instanceof Long a && right instanceof Long b) {
			return Long.compare(a, b);
		}
		if (left instanceof Number a && right instanceof Number b) {
			return Double.compare(a.doubleValue(), b.doubleValue());
		}
		if (left instanceof String a && right instanceof String b) {
			return a.compareTo(b);
		}
		if (left instanceof Boolean a && right instanceof Boolean b) {
			return Boolean.compare(a, b);
		}
		return BY_TEXT.compare(left, right);
	}

	/** A value in the form that makes equal numbers equal: whole decimals become {@code Long}. */
	public static Object normalize(Object value) {
		if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 0x1p53) {
			return number.longValue();
		}
		return value;
	}

}
