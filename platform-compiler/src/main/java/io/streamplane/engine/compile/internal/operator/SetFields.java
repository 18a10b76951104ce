package io.streamplane.engine.compile.internal.operator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.Row;

/** {@code set: { field: "expression" }}: every expression sees the record as it was before the step. */
public final class SetFields extends RowOperator {

	private final Map<String, CelEvaluator> fields;

	public SetFields(String path, String deadLetter, Map<String, CelEvaluator> fields) {
		super(path, deadLetter);
		this.fields = fields;
	}

	@Override
	public void apply(String key, Row row, Consumer<Row> out) {
		Map<String, Object> values = new LinkedHashMap<>();
		fields.forEach((name, expression) -> values.put(name, expression.value(key, row, meta())));
		out.accept(row.withAll(values));
	}

}
