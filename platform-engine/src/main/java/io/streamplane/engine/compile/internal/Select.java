package io.streamplane.engine.compile.internal;

import java.util.List;
import java.util.function.Consumer;

/** {@code select: [a, b]}: keeps only the named fields, in this order. */
final class Select extends RowOperator {

	private final List<String> fields;

	Select(String path, String deadLetter, List<String> fields) {
		super(path, deadLetter);
		this.fields = fields;
	}

	@Override
	void apply(String key, Row row, Consumer<Row> out) {
		out.accept(row.select(fields));
	}

}
