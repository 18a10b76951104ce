package io.streamplane.engine.compile.internal.feature;

import io.streamplane.engine.compile.internal.operator.KeyBy;
import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keys the records of a feature view by their entity: the value of the view's entity field, a
 * string as is, another value as its JSON text (as {@link KeyBy} does). A record without the field,
 * or with {@code null} in it, fails: a tile belongs to one entity. For a view {@code keyedByEntity}
 * whose records are not repartitioned, the key must already be the entity: a record keyed otherwise
 * fails too, since it sits in another entity's partition.
 */
final class FeatureEntity implements Processor<String, Row, String, Row> {

	private final String path;

	private final String deadLetter;

	private final String field;

	private final boolean keyed;

	private ProcessorContext<String, Row> context;

	/**
	 * @param path the view's spec path, e.g. {@code features[0]}
	 * @param deadLetter the node name of the dead-letter child
	 * @param field the entity field
	 * @param keyed whether the records must arrive keyed by their entity (they are not repartitioned)
	 */
	FeatureEntity(String path, String deadLetter, String field, boolean keyed) {
		this.path = path;
		this.deadLetter = deadLetter;
		this.field = field;
		this.keyed = keyed;
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
			deadLetter(record, "entity", "the entity field '" + field + "' is missing or null; every record of a "
					+ "feature view needs an entity");
			return;
		}
		String key = KeyBy.keyOf(entity, field);
		if (keyed && !key.equals(record.key())) {
			deadLetter(record, "keyedByEntity", "the record is keyed '" + record.key() + "' but its " + field + " is '"
					+ key + "'; the view is keyedByEntity, so every record must be produced with its " + field
					+ " as its Kafka key (or drop keyedByEntity to repartition by " + field + ")");
			return;
		}
		// one Record, not withKey(): it copies the headers
		context.forward(new Record<>(key, row, record.timestamp(), record.headers()));
	}

	/** Sends the record to the dead-letter child, failed at {@code property} of the view with {@code reason}. */
	private void deadLetter(Record<String, Row> record, String property, String reason) {
		Failure failure = Failure.of(path + "." + property, new RecordException(reason));
		context.forward(record.withValue(record.value().fail(failure)), deadLetter);
	}

}
