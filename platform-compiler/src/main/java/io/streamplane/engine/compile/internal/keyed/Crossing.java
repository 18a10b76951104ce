package io.streamplane.engine.compile.internal.keyed;

import java.util.List;
import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@code crossing: { value: events, thresholds: [100, 1000], as: milestone }}: keeps the last value
 * of each key and passes a record once for each threshold that lies above the previous value (none
 * for a key's first record) and at or below this one, lowest first, with the threshold in the
 * {@code as} field. A threshold fires again only after the value fell below it. A value that is
 * not a number fails the record and leaves the state as it was.
 */
public final class Crossing extends KeyedOperator<KeyValueStore<String, StoredValue>> {

	private final CelEvaluator value;

	private final List<Number> thresholds;

	private final String field;

	/**
	 * @param value the number watched
	 * @param thresholds ascending
	 * @param field receives the threshold crossed
	 */
	Crossing(String path, String deadLetter, String storeName, String keyField, CelEvaluator value, List<Number> thresholds,
			String field) {
		super(path, deadLetter, storeName, keyField);
		this.value = value;
		this.thresholds = List.copyOf(thresholds);
		this.field = field;
	}

	@Override
	void apply(KeyValueStore<String, StoredValue> store, String key, Row row, long time, Consumer<Row> out) {
		double current = number(value.value(key, row, meta()));
		StoredValue before = store.get(key);
		double previous = before == null ? Double.NEGATIVE_INFINITY : ((Number) before.value()).doubleValue();
		if (current != previous) {
			store.put(key, new StoredValue(current));
		}
		for (Number threshold : thresholds) {
			double level = threshold.doubleValue();
			if (previous < level && level <= current) {
				out.accept(row.with(field, threshold));
			}
		}
	}

	private double number(Object result) {
		if (!(result instanceof Number number) || Double.isNaN(number.doubleValue())) {
			throw new RecordException("crossing value \"" + value.text() + "\" must be a number, got " +
					JsonValues.describe(result));
		}
		return number.doubleValue();
	}

}
