package io.streamplane.engine.compile.internal.keyed;

import java.time.Duration;
import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * {@code dedupe: { by: event_id, within: 10m }}: drops a record when a record with the same key
 * and {@code by} value passed less than {@code within} before or after it in event time; the
 * duplicate does not extend that time. Each passed record is remembered in a window store at its
 * event time, which drops whole segments once stream time has moved on by the store's retention,
 * so the state holds about {@code within} (plus lateness) of records per partition.
 */
public final class Dedupe extends KeyedOperator<WindowStore<String, Long>> {

	private final CelEvaluator by;

	private final long within;

	/**
	 * @param by the identifying value, or {@code null} for the key alone
	 * @param within how long a value is remembered
	 */
	Dedupe(String path, String deadLetter, String storeName, String keyField, CelEvaluator by, Duration within) {
		super(path, deadLetter, storeName, keyField);
		this.by = by;
		this.within = within.toMillis();
	}

	@Override
	void apply(WindowStore<String, Long> store, String key, Row row, long time, Consumer<Row> out) {
		String id = by == null ? key : key.length() + ":" + key + JsonValues.toJson(by.value(key, row, meta()));
		long from = Math.max(0, time - within + 1);
		long to = time > Long.MAX_VALUE - within ? Long.MAX_VALUE : time + within - 1;
		try (WindowStoreIterator<Long> seen = store.fetch(id, from, to)) {
			if (seen.hasNext()) {
				return;
			}
		}
		store.put(id, time, time);
		out.accept(row);
	}

}
