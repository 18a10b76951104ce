package io.streamplane.engine.compile.internal.table;

import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.JoinType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Before a join of a table: checks each row's join key, so the foreign-key extractor of the join
 * never fails. A row whose join key fails is dead-lettered and becomes a delete, so an earlier
 * version of it leaves the join; under an inner or right join, so does a row with a {@code null} join key,
 * which matches nothing.
 */
final class JoinKeyCheck implements FixedKeyProcessor<String, Row, Row> {

	private final String path;

	private final String deadLetter;

	private final JoinKey joinKey;

	private final JoinType type;

	private FixedKeyProcessorContext<String, Row> context;

	JoinKeyCheck(String path, String deadLetter, JoinKey joinKey, JoinType type) {
		this.path = path;
		this.deadLetter = deadLetter;
		this.joinKey = joinKey;
		this.type = type;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, Row> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<String, Row> record) {
		Row row = record.value();
		if (row == null) {
			context.forward(record);
			return;
		}
		try {
			String key = joinKey.of(record.key(), row);
			context.forward(record.withValue(key == null && !type.keepsUnmatchedRows() ? null : row));
		}
		catch (RecordException ex) {
			context.forward(record.withValue(row.fail(Failure.of(path, ex))), deadLetter);
			context.forward(record.withValue(null));
		}
	}

}
