package io.streamplane.engine.compile.internal.operator;

import java.util.List;
import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.value.Row;

/** {@code select: [a, b]}: keeps only the named fields, in this order. */
public final class Select extends RowOperator {

	private final List<String> fields;

	public Select(String path, String deadLetter, List<String> fields) {
		super(path, deadLetter);
		this.fields = fields;
	}

	@Override
	public void apply(String key, Row row, Consumer<Row> out) {
		out.accept(row.select(fields));
	}

}
