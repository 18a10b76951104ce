package io.streamplane.engine.compile.internal;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keys the records of a feature view by their entity: the value of the view's entity field, a
 * string as is, another value as its JSON text (as {@link KeyBy} does). A record without the field,
 * or with {@code null} in it, fails: a tile belongs to one entity.
 */
final class FeatureEntity implements Processor<String, Row, String, Row> {

	private final String path;

	private final String deadLetter;

	private final String field;

	private ProcessorContext<String, Row> context;

	/**
	 * @param path the view's spec path, e.g. {@code features[0]}
	 * @param deadLetter the node name of the dead-letter child
	 * @param field the entity field
	 */
	FeatureEntity(String path, String deadLetter, String field) {
		this.path = path;
		this.deadLetter = deadLetter;
		this.field = field;
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
		Object entity = row.fields().get(field);
		if (entity == null) {
			RecordException missing = new RecordException("the entity field '" + field + "' is missing or null; " +
					"every record of a feature view needs an entity");
			context.forward(record.withValue(row.fail(Failure.of(path + ".entity", missing))), deadLetter);
			return;
		}
		// one Record, not withKey(): it copies the headers
		context.forward(new Record<>(KeyBy.keyOf(entity, field), row, record.timestamp(), record.headers()));
	}

}
