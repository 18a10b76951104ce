package io.streamplane.engine.compile.internal.wiring;

import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.MissingKey;
import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Before a repartition topic: forwards the records that have a key and end-of-input markers, and
 * sends a record without a key to its dead-letter child only, failed at the step's path.
 */
final class KeyCheck implements FixedKeyProcessor<String, Row, Row> {

	private final String path;

	private final String deadLetter;

	private final MissingKey missing;

	private FixedKeyProcessorContext<String, Row> context;

	KeyCheck(String path, String deadLetter, MissingKey missing) {
		this.path = path;
		this.deadLetter = deadLetter;
		this.missing = missing;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, Row> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<String, Row> record) {
		if (record.key() != null || record.value().marker()) {
			context.forward(record);
			return;
		}
		context.forward(record.withValue(record.value().fail(Failure.of(path, missing.failure()))), deadLetter);
	}

}
