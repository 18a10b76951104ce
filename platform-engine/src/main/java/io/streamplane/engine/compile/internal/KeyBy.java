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

	private final String deadLetter;

	private final String field;

	private final CelEvaluator expression;

	private ProcessorContext<String, Row> context;

	/**
	 * @param path the step's spec path
	 * @param deadLetter the node name of the dead-letter child, which gets the failures
	 * @param field where the key value is stored
	 * @param expression the key expression
	 */
	KeyBy(String path, String deadLetter, String field, CelEvaluator expression) {
		this.path = path;
		this.deadLetter = deadLetter;
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
		if (row.marker()) {
			context.forward(record);
			return;
		}
		try {
			Object value = expression.value(record.key(), row);
			// one Record, not withKey().withValue(): each copies the headers
			context.forward(new Record<>(keyOf(value, expression.text()), row.with(field, value), record.timestamp(),
					record.headers()));
		}
		catch (RecordException ex) {
			context.forward(record.withValue(row.fail(Failure.of(path, ex))), deadLetter);
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
