package io.streamplane.engine.compile.internal.table;

import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.JoinType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Before a reactive join of a stream: makes each event a row of a table of remembered events,
 * keyed by its identity {@code <topic>/<partition>/<offset>} (with {@code /<n>} for the n-th of
 * several records made from one input record, e.g. by {@code explode}), which is stable when
 * records are reprocessed; a record forwarded by a punctuation, which has no input record, is
 * named by its task and timestamp instead. Events whose join key fails are dead-lettered; under an inner join, an
 * event with a {@code null} join key never matches and is not remembered. End-of-input markers are
 * dropped: the result is a table.
 */
final class EventIdentity implements Processor<String, Row, String, Row> {

	private final String path;

	private final String deadLetter;

	private final JoinKey joinKey;

	private final JoinType type;

	private ProcessorContext<String, Row> context;

	private String lastSource;

	private int sequence;

	EventIdentity(String path, String deadLetter, JoinKey joinKey, JoinType type) {
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
			return;
		}
		String key;
		try {
			key = joinKey.of(record.key(), row);
		}
		catch (RecordException ex) {
			context.forward(record.withValue(row.fail(Failure.of(path, ex))), deadLetter);
			return;
		}
		if (key == null && !type.keepsUnmatchedRows()) {
			return;
		}
		context.forward(new Record<>(identity(record.timestamp()), row, record.timestamp(), record.headers()));
	}

	private String identity(long timestamp) {
		String source = context.recordMetadata()
			.map(metadata -> metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset())
			.orElseGet(() -> "task/" + context.taskId() + "/" + timestamp);
		if (source.equals(lastSource)) {
			sequence++;
			return source + "/" + sequence;
		}
		lastSource = source;
		sequence = 0;
		return source;
	}

}
