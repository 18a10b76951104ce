package io.streamplane.engine.compile.internal.window;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

import io.streamplane.engine.compile.EndOfInput;
import io.streamplane.engine.compile.internal.value.Origin;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.Step;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns window results into rows keyed by the group key: the key field, {@code window_start} and
 * {@code window_end} as ISO-8601 UTC, then the aggregates by name. A deletion, a session that a
 * later record merged into a larger one, is written as a retraction when sessions emit updates:
 * {@code window_start}, {@code window_end} and {@code "op": "-"}, keyed by the group key, so a
 * consumer keeping the last row per key and window removes it; otherwise it is not written. The result of an end-of-input marker's window becomes a marker again, so the
 * next window downstream closes too.
 */
final class WindowResults implements Processor<Windowed<String>, WindowState, String, Row> {

	/** The field that marks a retraction, as in change streams. */
	static final String OP = "op";

	private final WindowFolder folder;

	private final boolean retracts;

	private final InstantText starts = new InstantText();

	private final InstantText ends = new InstantText();

	private ProcessorContext<String, Row> context;

	/** @param retracts whether deletions are written as retractions (sessions emitting updates) */
	WindowResults(WindowFolder folder, boolean retracts) {
		this.folder = folder;
		this.retracts = retracts;
	}

	@Override
	public void init(ProcessorContext<String, Row> context) {
		this.context = context;
	}

	@Override
	public void process(Record<Windowed<String>, WindowState> record) {
		if (record.value() == null) {
			if (retracts && !EndOfInput.KEY.equals(record.key().key())) {
				context.forward(new Record<>(record.key().key(), retraction(record.key()), record.timestamp()));
			}
			return;
		}
		String key = record.key().key();
		if (EndOfInput.KEY.equals(key)) {
			context.forward(new Record<>(key, Row.endOfInput(), record.timestamp()));
			return;
		}
		LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
		if (folder.keyField() != null) {
			fields.put(folder.keyField(), record.value().key());
		}
		fields.put(Step.Window.WINDOW_START, starts.of(record.key().window().start()));
		fields.put(Step.Window.WINDOW_END, ends.of(record.key().window().end()));
		List<Aggregation> aggregations = folder.aggregations();
		for (int i = 0; i < aggregations.size(); i++) {
			fields.put(aggregations.get(i).name(), record.value().accumulators().get(i).result());
		}
		context.forward(new Record<>(key, Row.owning(fields, Origin.none(), false), record.timestamp()));
	}

	private Row retraction(Windowed<String> window) {
		LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
		fields.put(Step.Window.WINDOW_START, starts.of(window.window().start()));
		fields.put(Step.Window.WINDOW_END, ends.of(window.window().end()));
		fields.put(OP, "-");
		return Row.owning(fields, Origin.none(), false);
	}

	/** ISO-8601 text of an epoch-millisecond instant, remembering the last: consecutive results share windows. */
	private static final class InstantText {

		private long millis = Long.MIN_VALUE;

		private String text;

		String of(long instant) {
			if (instant != millis || text == null) {
				millis = instant;
				text = Instant.ofEpochMilli(instant).toString();
			}
			return text;
		}

	}

}
