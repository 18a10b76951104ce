package io.streamplane.spec;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An append-only stream of records read from a Kafka topic.
 *
 * @param name the name transforms and outputs refer to it by
 * @param kafka the topic read
 * @param key an expression computing each record's key from its fields, or empty to keep the
 * Kafka record key
 * @param eventTime where event time comes from; {@link EventTime.RecordTimestamp} by default
 * @param lateness how long after a window's end records still count for it; zero by default
 * @param fields the declared record schema, in declaration order; empty when the source declares
 * none, in which case records may carry any fields and expressions are checked only for syntax
 * and known functions
 */
public record Source(String name, KafkaTopic kafka, Optional<Expression> key, EventTime eventTime,
		Duration lateness, Map<String, FieldType> fields) {

	public Source {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kafka, "kafka");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(eventTime, "eventTime");
		Objects.requireNonNull(lateness, "lateness");
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/** Whether the source declares a schema, so expressions over it are fully type-checked. */
	public boolean hasSchema() {
		return !fields.isEmpty();
	}

}
