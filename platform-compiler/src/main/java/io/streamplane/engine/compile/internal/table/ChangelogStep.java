package io.streamplane.engine.compile.internal.table;

import java.util.ArrayList;
import java.util.List;

import io.streamplane.engine.compile.internal.operator.RowOperator;
import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A per-row step ({@code filter}, {@code set}, {@code select}) applied to a table's changelog,
 * where each record is the new version of the row with its key, or {@code null} for a delete. A
 * delete passes; a row the step drops (a filter that is false) becomes a delete, so it leaves the
 * table; a row that fails is dead-lettered and also becomes a delete. A {@link Retraction} (the result
 * an event had before its table row changed) goes through the step as the row did when it was emitted,
 * but a retraction the step drops or fails on is not forwarded, and not dead-lettered again: there was
 * nothing emitted to retract.
 */
final class ChangelogStep implements FixedKeyProcessor<String, Row, Row> {

	private final RowOperator operator;

	private final String path;

	private final String deadLetter;

	private FixedKeyProcessorContext<String, Row> context;

	/**
	 * @param operator the step as it applies to a stream; only its {@code apply} is used
	 * @param path the step's spec path
	 * @param deadLetter the node name of the dead-letter child
	 */
	ChangelogStep(RowOperator operator, String path, String deadLetter) {
		this.operator = operator;
		this.path = path;
		this.deadLetter = deadLetter;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, Row> context) {
		this.context = context;
		operator.init(context);
	}

	@Override
	public void process(FixedKeyRecord<String, Row> record) {
		Row row = record.value();
		if (row == null) {
			context.forward(record);
			return;
		}
		boolean retraction = Retraction.marks(record.headers());
		List<Row> out = new ArrayList<>(1);
		try {
			operator.apply(record, out::add);
		}
		catch (RecordException ex) {
			if (retraction) {
				return;
			}
			context.forward(record.withValue(row.fail(Failure.of(path, ex))), deadLetter);
		}
		if (!retraction || !out.isEmpty()) {
			context.forward(record.withValue(out.isEmpty() ? null : out.getFirst()));
		}
	}

}
