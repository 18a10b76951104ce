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
 * store (with a changelog), so this holds across restarts.
 */
final class ChangeStream implements Processor<String, Row, String, Row> {

	/** The field naming the kind of change: {@code +} or {@code -}. */
	static final String OP = "op";

	private final String store;

	private KeyValueStore<String, Row> emitted;

	private ProcessorContext<String, Row> context;

	ChangeStream(String store) {
		this.store = store;
	}

	@Override
	public void init(ProcessorContext<String, Row> context) {
		this.context = context;
		this.emitted = context.getStateStore(store);
	}

	@Override
	public void process(Record<String, Row> record) {
		Row next = record.value();
		if (next != null && next.marker()) {
			context.forward(record);
			return;
		}
		Row last = emitted.get(record.key());
		if (last != null && next != null && Objects.equals(last.fields(), next.fields())) {
			return;
		}
		if (last != null) {
			context.forward(record.withValue(change("-", last)));
		}
		if (next != null) {
			context.forward(record.withValue(change("+", next)));
			emitted.put(record.key(), next);
		}
		else if (last != null) {
			emitted.delete(record.key());
		}
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
