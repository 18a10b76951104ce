package io.streamplane.engine.compile.internal.group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.engine.compile.internal.value.Origin;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.Step;

/**
 * Folds the rows prepared by {@link GroupInput} into {@link GroupState}s: the group key selector,
 * initializer, adder and subtractor handed to Kafka Streams' {@code KTable.groupBy().aggregate()},
 * and the group's result row. Thread-safe.
 */
public final class GroupFolder {

	private final List<String> by;

	private final List<Aggregation> aggregations;

	public GroupFolder(Step.GroupBy step) {
		this.by = step.by();
		this.aggregations = step.aggregations();
	}

	/** The key of the group of a prepared row. */
	public String key(Row row) {
		List<Object> values = new ArrayList<>(by.size());
		for (String field : by) {
			values.add(row.fields().get(field));
		}
		return GroupKey.of(values);
	}

	/** The state of a group without rows. */
	public GroupState initial() {
		return new GroupState(0, List.of(), aggregations.stream().map(Retractable::empty).toList());
	}

	/** The state with a row added. */
	public GroupState add(String key, Row row, GroupState state) {
		return change(row, state, true);
	}

	/** The state with a row, added before, taken out. */
	public GroupState remove(String key, Row row, GroupState state) {
		return change(row, state, false);
	}

	private GroupState change(Row row, GroupState state, boolean add) {
		Map<String, Object> fields = row.fields();
		List<Retractable> next = new ArrayList<>(aggregations.size());
		for (int i = 0; i < aggregations.size(); i++) {
			Aggregation aggregation = aggregations.get(i);
			Retractable accumulator = state.accumulators().get(i);
			boolean selected = aggregation.condition().isEmpty() || fields.containsKey(aggregation.name());
			Object value = fields.get(aggregation.name());
			next.add(!selected ? accumulator : add ? accumulator.add(value) : accumulator.remove(value));
		}
		List<Object> group = state.group().isEmpty() ? by.stream().map(fields::get).toList() : state.group();
		return new GroupState(state.rows() + (add ? 1 : -1), group, next);
	}

	/** The result row of a group, {@code null} (a delete) once it has no rows. */
	public Row row(GroupState state) {
		if (state == null || state.rows() <= 0) {
			return null;
		}
		LinkedHashMap<String, Object> fields = LinkedHashMap.newLinkedHashMap(by.size() + aggregations.size());
		for (int i = 0; i < by.size(); i++) {
			fields.put(by.get(i), state.group().get(i));
		}
		for (int i = 0; i < aggregations.size(); i++) {
			fields.put(aggregations.get(i).name(), state.accumulators().get(i).result());
		}
		return Row.owning(fields, Origin.none(), false);
	}

}
