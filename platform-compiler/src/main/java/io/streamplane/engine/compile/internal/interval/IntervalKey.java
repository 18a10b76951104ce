package io.streamplane.engine.compile.internal.interval;

import io.streamplane.engine.compile.internal.operator.RekeyingOperator;
import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.value.Values;

/**
 * Before a stream–stream join, on either side: re-keys each record by its join key, so that both
 * sides meet on the same partition. The key is a string as is, an integer or bool as its text,
 * whole doubles normalized ({@code 7.0} meets {@code 7}). A record whose key is {@code null} can
 * match nothing: on a side the join keeps (this stream's under {@code left} and {@code full}, the
 * other's under {@code right} and {@code full}) it passes with a {@code null} key, to come out at
 * once with the other side's fields {@code null} ({@link NullJoinKeys}); elsewhere, as under an
 * inner join, it is dropped. One whose key is of another type, or whose expression fails, is
 * dead-lettered. End-of-input markers pass.
 */
final class IntervalKey extends RekeyingOperator {

	private final CelEvaluator on;

	private final boolean keepsNulls;

	/**
	 * @param keepsNulls whether the side is kept by the join, so that a record with a {@code null}
	 *        key passes with a {@code null} key rather than being dropped
	 */
	IntervalKey(String path, String deadLetter, CelEvaluator on, boolean keepsNulls) {
		super(path, deadLetter);
		this.on = on;
		this.keepsNulls = keepsNulls;
	}

	@Override
	protected void apply(String key, Row row, Output out) {
		Object value = on.value(key, row, meta());
		if (value != null) {
			out.accept(text(value), row);
		}
		else if (keepsNulls) {
			out.accept(null, row);
		}
	}

	private String text(Object value) {
		boolean whole = value instanceof Double number && number == Math.rint(number);
		if (!(value instanceof String || value instanceof Long || value instanceof Boolean || whole)) {
			throw new RecordException("join key \"" + on.text() + "\" must be a string, an integer or a bool, got " +
					JsonValues.describe(value));
		}
		return switch (Values.normalize(value)) {
			case String text -> text;
			case Object other -> String.valueOf(other);
		};
	}

}
