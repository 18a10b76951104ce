package io.streamplane.engine.compile.internal.operator;

import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;

/** {@code filter: "amount > 0"}: keeps a record when the condition is true. */
public final class Filter extends RowOperator {

	private final CelEvaluator condition;

	public Filter(String path, String deadLetter, CelEvaluator condition) {
		super(path, deadLetter);
		this.condition = condition;
	}

	@Override
	public void apply(String key, Row row, Consumer<Row> out) {
		Object result = condition.evaluate(key, row, meta());
		if (!(result instanceof Boolean keep)) {
			throw new RecordException("filter \"" + condition.text() + "\" returned " +
					JsonValues.describe(JsonValues.fromCel(result)) + ", expected a boolean");
		}
		if (keep) {
			out.accept(row);
		}
	}

}
