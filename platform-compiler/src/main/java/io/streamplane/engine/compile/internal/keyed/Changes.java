package io.streamplane.engine.compile.internal.keyed;

import java.util.Objects;
import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.value.Values;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@code changes: { of: status, previous: previous_status }}: keeps the last value of each key and
 * passes a record only when its value differs (numbers by value), the first record of a key
 * included, adding the previous value ({@code null} for the first) when {@code previous} names a
 * field.
 */
public final class Changes extends KeyedOperator<KeyValueStore<String, StoredValue>> {

	private final CelEvaluator of;

	private final String previous;

	/**
	 * @param of the value watched
	 * @param previous the field that receives the previous value, or {@code null}
	 */
	Changes(String path, String deadLetter, String storeName, String keyField, CelEvaluator of, String previous) {
		super(path, deadLetter, storeName, keyField);
		this.of = of;
		this.previous = previous;
	}

	@Override
	void apply(KeyValueStore<String, StoredValue> store, String key, Row row, long time, Consumer<Row> out) {
		Object current = of.value(key, row, meta());
		StoredValue before = store.get(key);
		if (before != null && Objects.equals(Values.normalize(before.value()), Values.normalize(current))) {
			return;
		}
		store.put(key, new StoredValue(current));
		out.accept(previous == null ? row : row.with(previous, before == null ? null : before.value()));
	}

}
