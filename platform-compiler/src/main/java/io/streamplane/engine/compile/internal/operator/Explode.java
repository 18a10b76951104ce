package io.streamplane.engine.compile.internal.operator;

import java.util.List;
import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;

/** {@code explode: { field, from }}: one copy of the record per list element, the element in {@code field}. */
public final class Explode extends RowOperator {

	private final String field;

	private final CelEvaluator from;

	public Explode(String path, String deadLetter, String field, CelEvaluator from) {
		super(path, deadLetter);
		this.field = field;
		this.from = from;
	}

	@Override
	public void apply(String key, Row row, Consumer<Row> out) {
		Object value = from.value(key, row, meta());
		if (!(value instanceof List<?> elements)) {
			throw new RecordException("explode \"" + from.text() + "\" returned " + JsonValues.describe(value) +
					", expected a list");
		}
		elements.forEach(element -> out.accept(row.with(field, element)));
	}

}
