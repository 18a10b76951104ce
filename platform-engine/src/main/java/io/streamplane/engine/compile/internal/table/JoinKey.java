package io.streamplane.engine.compile.internal.table;

import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.Step;
import io.streamplane.spec.Table;

/**
 * The {@code on} expression of a join: computes, for a row, the {@link TableKeys key} of the
 * table row it joins. A value of the wrong type (a decimal, a map, a list of the wrong length) is
 * a {@link RecordException}, so the row is dead-lettered with the reason.
 */
final class JoinKey {

	private final CelEvaluator on;

	private final int columns;

	private final String what;

	JoinKey(Step.Join join, Table table) {
		this.on = CelEvaluator.of(join.on());
		this.columns = table.primaryKey().size();
		this.what = "join key \"" + on.text() + "\"";
	}

	/** The key of the joined table row, {@code null} when the expression is {@code null}. */
	String of(String key, Row row) {
		return TableKeys.of(on.value(key, row), columns, what);
	}

}
