package io.streamplane.engine.compile.internal;

import io.streamplane.spec.JoinType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Before a lookup join of a stream: re-keys each event by its join key, so it is repartitioned to
 * the table's row. Events whose join key fails are dead-lettered; under an inner join an event
 * with a {@code null} join key never matches and is dropped. End-of-input markers pass.
 */
final class LookupKey implements Processor<String, Row, String, Row> {

	private final String path;

	private final String deadLetter;

	private final JoinKey joinKey;

	private final JoinType type;

	private ProcessorContext<String, Row> context;

	LookupKey(String path, String deadLetter, JoinKey joinKey, JoinType type) {
		this.path = path;
		this.deadLetter = deadLetter;
		this.joinKey = joinKey;
		this.type = type;
	}

	@Override
	public void init(ProcessorContext<String, Row> context) {
		this.context = context;
	}

	@Override
	public void process(Record<String, Row> record) {
		Row row = record.value();
		if (row.marker()) {
			context.forward(record);
			return;
		}
		try {
			String key = joinKey.of(record.key(), row);
			if (key != null || type == JoinType.LEFT) {
				context.forward(new Record<>(key, row, record.timestamp(), record.headers()));
			}
		}
		catch (RecordException ex) {
			context.forward(record.withValue(row.fail(Failure.of(path, ex))), deadLetter);
		}
	}

}
