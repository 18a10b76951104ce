package io.streamplane.engine.compile.internal.wiring;

import java.nio.charset.StandardCharsets;

import io.streamplane.engine.compile.DeadLetterHeaders;
import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The dead-letter child of an operator: turns a failed row back into the record it was read as,
 * with headers naming the pipeline, the step and the reason, and counts it. The operator forwards
 * its good rows, end-of-input markers and table deletes ({@code null}) to all its children, this one included, which ignores them.
 */
final class DeadLetterWriter implements Processor<String, Row, byte[], byte[]> {

	private final String pipeline;

	private final Counting counting;

	private ProcessorContext<byte[], byte[]> context;

	DeadLetterWriter(String pipeline, Counting counting) {
		this.pipeline = pipeline;
		this.counting = counting;
	}

	@Override
	public void init(ProcessorContext<byte[], byte[]> context) {
		this.context = context;
	}

	@Override
	public void process(Record<String, Row> record) {
		Row row = record.value();
		Failure failure = row == null ? null : row.failure();
		if (failure == null) {
			return;
		}
		Headers headers = new RecordHeaders();
		headers.add(DeadLetterHeaders.PIPELINE, utf8(pipeline));
		headers.add(DeadLetterHeaders.STEP, utf8(failure.step()));
		headers.add(DeadLetterHeaders.REASON, utf8(failure.reason()));
		if (failure.errorClass() != null) {
			headers.add(DeadLetterHeaders.ERROR_CLASS, utf8(failure.errorClass()));
		}
		if (failure.late()) {
			headers.add(DeadLetterHeaders.LATE, utf8("true"));
			counting.late().run();
		}
		counting.deadLetter().run();
		context.forward(new Record<>(key(record.key(), row), value(row), record.timestamp(), headers));
	}

	private static byte[] key(String key, Row row) {
		if (row.origin().isKnown()) {
			return row.origin().key();
		}
		return key == null ? null : utf8(key);
	}

	private static byte[] value(Row row) {
		if (row.origin().isKnown()) {
			return row.origin().value();
		}
		return JsonValues.toJsonBytes(row.fields());
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
