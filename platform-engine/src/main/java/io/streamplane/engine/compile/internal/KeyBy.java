package io.streamplane.engine.compile.internal;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * {@code keyBy: merchant_id}: the record key becomes the expression's value, also stored in the
 * step's field so window results carry it. A string key is used as is, any other value as its
 * JSON text ({@code 42}, {@code true}). A {@code null} key is a failure: windows need a key.
 */
final class KeyBy implements Processor<String, Row, String, Row> {

	private final String path;

	private final String field;

	private final CelEvaluator expression;

	private ProcessorContext<String, Row> context;

	KeyBy(String path, String field, CelEvaluator expression) {
		this.path = path;
		this.field = field;
		this.expression = expression;
	}

	@Override
	public void init(ProcessorContext<String, Row> context) {
		this.context = context;
	}

	@Override
	public void process(Record<String, Row> record) {
		Row row = record.value();
		if (row.marker() || row.failed()) {
			context.forward(record);
			return;
		}
		try {
			Object value = expression.value(record.key(), row);
			context.forward(record.withKey(keyOf(value, expression.text())).withValue(row.with(field, value)));
		}
		catch (RecordException ex) {
			context.forward(record.withValue(row.fail(Failure.of(path, ex))));
		}
	}

	/** The record key for a key value: a string as is, another value as JSON text. */
	static String keyOf(Object value, String expression) {
		if (value == null) {
			throw new RecordException("key expression \"" + expression + "\" is null; every record needs a key");
		}
		return value instanceof String text ? text : JsonValues.toJson(value).toString();
	}

}
