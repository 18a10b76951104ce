package io.streamplane.engine.compile.internal.table;

import java.util.LinkedHashMap;
import java.util.Objects;

import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns a table's changelog (each record the new version of the row with its key, {@code null}
 * for a delete) into a change stream: for a key whose row changed, a retraction of the row last
 * emitted ({@code "op": "-"}) and then an insertion of the new one ({@code "op": "+"}); a delete
 * retracts; a row equal to the one last emitted emits nothing. The rows last emitted are kept in a
 * store (with a changelog), so this holds across restarts ({@link #remembering}); a changelog that
 * carries its own retractions ({@link #retracted}) needs no store: the row last emitted for a key is
 * the {@link Retraction} right before its new version, and a key without one emitted nothing.
 */
final class ChangeStream implements Processor<String, Row, String, Row> {

	/** The field naming the kind of change: {@code +} or {@code -}. */
	static final String OP = "op";

	private final String store;

	private KeyValueStore<String, Row> emitted;

	private Record<String, Row> retraction;

	private ProcessorContext<String, Row> context;

	private ChangeStream(String store) {
		this.store = store;
	}

	/** The change stream that keeps the rows last emitted in the store {@code store}. */
	static ChangeStream remembering(String store) {
		return new ChangeStream(store);
	}

	/** The change stream of a changelog whose records are preceded by their retractions. */
	static ChangeStream retracted() {
		return new ChangeStream(null);
	}

	@Override
	public void init(ProcessorContext<String, Row> context) {
		this.context = context;
		this.emitted = store == null ? null : context.getStateStore(store);
	}

	@Override
	public void process(Record<String, Row> record) {
		Row next = record.value();
		if (next != null && next.marker()) {
			context.forward(record);
			return;
		}
		if (emitted == null && Retraction.marks(record.headers())) {
			retraction = record;
			return;
		}
		Row last = last(record.key());
		if (last != null && next != null && Objects.equals(last.fields(), next.fields())) {
			return;
		}
		if (last != null) {
			context.forward(record.withValue(change("-", last)));
		}
		if (next != null) {
			context.forward(record.withValue(change("+", next)));
		}
		if (emitted != null && next != null) {
			emitted.put(record.key(), next);
		}
		else if (emitted != null && last != null) {
			emitted.delete(record.key());
		}
	}

	/** The row last emitted for {@code key}: from the store, or the retraction that came right before. */
	private Row last(String key) {
		if (emitted != null) {
			return emitted.get(key);
		}
		Record<String, Row> before = retraction;
		retraction = null;
		if (before == null) {
			return null;
		}
		if (!Objects.equals(before.key(), key)) {
			context.forward(before.withValue(change("-", before.value())).withHeaders(Retraction.removed(before.headers())));
			return null;
		}
		return before.value();
	}

	private static Row change(String op, Row row) {
		LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
		fields.put(OP, op);
		row.fields().forEach((name, value) -> {
			if (!name.equals(OP)) {
				fields.put(name, value);
			}
		});
		return Row.owning(fields, row.origin(), false);
	}

}
