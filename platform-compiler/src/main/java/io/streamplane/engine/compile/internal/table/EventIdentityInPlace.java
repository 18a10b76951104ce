package io.streamplane.engine.compile.internal.table;

import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.JoinType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Before a reactive join {@code on: key} of a stream still keyed and partitioned as its topic: the
 * record key is the join key, so the event stays where it is, keyed as it is, and only gets its
 * {@link EventNames identity} in a header. An event without a key never matches: dropped in an inner
 * join, marked in a left join. End-of-input markers are dropped: the result is a table.
 */
final class EventIdentityInPlace implements FixedKeyProcessor<String, Row, Row> {

	private final JoinType type;

	private final EventNames names = new EventNames();

	private FixedKeyProcessorContext<String, Row> context;

	EventIdentityInPlace(JoinType type) {
		this.type = type;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, Row> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<String, Row> record) {
		if (record.value().marker() || record.key() == null && !type.keepsUnmatchedRows()) {
			return;
		}
		EventNames.mark(record.headers(), names.next(context, record.timestamp()), record.key() == null);
		context.forward(record);
	}

}
