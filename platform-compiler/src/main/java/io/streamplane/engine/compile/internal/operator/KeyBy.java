package io.streamplane.engine.compile.internal.operator;

import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;


/**
 * {@code keyBy: merchant_id}: the record key becomes the expression's value, also stored in the
 * step's field so window results carry it. A string key is used as is, any other value as its
 * JSON text ({@code 42}, {@code true}). A {@code null} key is a failure: windows need a key.
 */
public final class KeyBy extends RekeyingOperator {

	private final String field;

	private final CelEvaluator expression;

	/**
	 * @param path the step's spec path
	 * @param deadLetter the node name of the dead-letter child, which gets the failures
	 * @param field where the key value is stored
	 * @param expression the key expression
	 */
	public KeyBy(String path, String deadLetter, String field, CelEvaluator expression) {
		super(path, deadLetter);
		this.field = field;
		this.expression = expression;
	}

	@Override
	protected void apply(String key, Row row, Output out) {
		Object value = expression.value(key, row, meta());
		out.accept(keyOf(value, expression.text()), row.with(field, value));
	}

	/** The record key for a key value: a string as is, another value as JSON text. */
	public static String keyOf(Object value, String expression) {
		if (value == null) {
			throw new RecordException("key expression \"" + expression + "\" is null; every record needs a key, so "
					+ "filter such records out first or give a default, e.g. \"dyn(" + expression + ") != null ? "
					+ expression + " : 'none'\"");
		}
		return value instanceof String text ? text : JsonValues.toJson(value).toString();
	}

}
