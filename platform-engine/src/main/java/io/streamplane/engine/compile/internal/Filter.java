package io.streamplane.engine.compile.internal;

import java.util.function.Consumer;

/** {@code filter: "amount > 0"}: keeps a record when the condition is true. */
final class Filter extends RowOperator {

	private final CelEvaluator condition;

	Filter(String path, String deadLetter, CelEvaluator condition) {
		super(path, deadLetter);
		this.condition = condition;
	}

	@Override
	void apply(String key, Row row, Consumer<Row> out) {
		Object result = condition.evaluate(key, row);
		if (!(result instanceof Boolean keep)) {
			throw new RecordException("filter \"" + condition.text() + "\" returned " +
					JsonValues.describe(JsonValues.fromCel(result)) + ", expected a boolean");
		}
		if (keep) {
			out.accept(row);
		}
	}

}
