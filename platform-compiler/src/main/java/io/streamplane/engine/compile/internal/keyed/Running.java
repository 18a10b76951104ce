package io.streamplane.engine.compile.internal.keyed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.window.AggregateInputs;
import io.streamplane.engine.compile.internal.window.DecimalCheck;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.window.WindowFolder;
import io.streamplane.engine.compile.internal.window.WindowInput;
import io.streamplane.engine.compile.internal.window.WindowState;
import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@code running: { events: "count()", spent: "sum(amount)" }}: folds every record of a key into
 * one {@link WindowState} that never closes, with the same accumulators as windows, and adds the
 * aggregates so far, this record included, to the record; {@code previous(x)} is read from the state
 * before this record. Arguments are evaluated, and decimal results checked against their precision
 * ({@link DecimalCheck}), before the state changes, so a record that fails leaves it untouched.
 */
public final class Running extends KeyedOperator<KeyValueStore<String, WindowState>> {

	private final WindowFolder folder;

	private final AggregateInputs arguments;

	/**
	 * @param aggregations the aggregates, in spec order
	 * @param arguments the arguments and conditions of the aggregations
	 */
	Running(String path, String deadLetter, String storeName, String keyField, List<Aggregation> aggregations,
			AggregateInputs arguments) {
		super(path, deadLetter, storeName, keyField);
		this.folder = new WindowFolder(aggregations, null);
		this.arguments = arguments;
	}

	@Override
	void apply(KeyValueStore<String, WindowState> store, String key, Row row, long time, Consumer<Row> out) {
		LinkedHashMap<String, Object> inputs = new LinkedHashMap<>();
		arguments.evaluate(key, row, meta(), inputs);
		inputs.put(WindowInput.TIME, time);
		WindowState before = store.get(key);
		WindowState after = folder.add(key, Row.owning(inputs, row.origin(), false),
				before == null ? folder.initial() : before);
		Map<String, Object> results = new LinkedHashMap<>();
		List<Aggregation> aggregations = folder.aggregations();
		WindowState seen = before == null ? folder.initial() : before;
		for (int i = 0; i < aggregations.size(); i++) {
			WindowState of = aggregations.get(i).function() == AggregateFunction.PREVIOUS ? seen : after;
			results.put(aggregations.get(i).name(), of.accumulators().get(i).result());
		}
		DecimalCheck.check(aggregations, results);
		store.put(key, after);
		out.accept(row.withAll(results));
	}

}
