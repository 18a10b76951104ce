package io.streamplane.engine.compile.internal.window;

import java.util.ArrayList;
import java.util.List;

import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.Aggregation;

/**
 * Folds the records of a window into a {@link WindowState}: the initializer, aggregator and session
 * merger handed to Kafka Streams. Records arrive from {@link WindowInput}, which has evaluated each
 * aggregation's argument into the field named like the aggregation and put the event time into
 * {@link WindowInput#TIME}; end-of-input markers leave the state unchanged, and so does a record
 * for an aggregation whose condition it failed (its field is absent, see {@link AggregateInputs}).
 */
public final class WindowFolder {

	private final List<Aggregation> aggregations;

	private final String keyField;

	/**
	 * @param aggregations the window's aggregations
	 * @param keyField the field holding the key value, or {@code null}
	 */
	public WindowFolder(List<Aggregation> aggregations, String keyField) {
		this.aggregations = List.copyOf(aggregations);
		this.keyField = keyField;
	}

	/** The state of an empty window. */
	public WindowState initial() {
		return new WindowState(null, aggregations.stream().map(Accumulator::empty).toList());
	}

	/** The state with one more record. */
	public WindowState add(String key, Row row, WindowState state) {
		if (row.marker()) {
			return state;
		}
		long time = (Long) row.fields().get(WindowInput.TIME);
		List<Accumulator> next = new ArrayList<>();
		for (int i = 0; i < aggregations.size(); i++) {
			Aggregation aggregation = aggregations.get(i);
			Accumulator accumulator = state.accumulators().get(i);
			boolean selected = aggregation.condition().isEmpty() || row.fields().containsKey(aggregation.name());
			next.add(selected ? accumulator.add(row.fields().get(aggregation.name()), time) : accumulator);
		}
		Object keyValue = state.key() != null || keyField == null ? state.key() : row.fields().get(keyField);
		return new WindowState(keyValue, next);
	}

	/** Two sessions' states merged. */
	public WindowState merge(String key, WindowState left, WindowState right) {
		return left.merge(right);
	}

	/** The aggregations, in spec order. */
	public List<Aggregation> aggregations() {
		return aggregations;
	}

	/** The key field, or {@code null}. */
	public String keyField() {
		return keyField;
	}

}
