package io.streamplane.engine.compile.internal.group;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.operator.RowOperator;
import io.streamplane.engine.compile.internal.value.Origin;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.value.Values;
import io.streamplane.engine.compile.internal.window.AggregateInputs;

/**
 * Prepares a table row for grouping: a row of its {@code by} values (normalized, {@code null} for
 * a field the row lacks) followed by what each aggregation folds, evaluated once here
 * ({@link AggregateInputs}: a field named like the aggregation, absent when its condition is false).
 * Rows are small and nothing is evaluated in the aggregator, where a failure could not be
 * dead-lettered: a row whose expression fails is dead-lettered here and leaves its group.
 */
public final class GroupInput extends RowOperator {

	private final List<String> by;

	private final AggregateInputs inputs;

	/**
	 * @param path the step's spec path
	 * @param deadLetter the node name of the dead-letter child
	 * @param by the group's fields
	 * @param inputs the aggregations' inputs
	 */
	public GroupInput(String path, String deadLetter, List<String> by, AggregateInputs inputs) {
		super(path, deadLetter);
		this.by = List.copyOf(by);
		this.inputs = inputs;
	}

	@Override
	public void apply(String key, Row row, Consumer<Row> out) {
		LinkedHashMap<String, Object> fields = LinkedHashMap.newLinkedHashMap(by.size() + 4);
		for (String field : by) {
			fields.put(field, Values.normalize(row.fields().get(field)));
		}
		inputs.evaluate(key, row, meta(), fields);
		out.accept(Row.owning(fields, Origin.none(), false));
	}

}
