package io.streamplane.spec;

import java.util.List;

import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;

/**
 * The record metadata an expression reads as {@code meta}: {@code meta.timestamp} (the record's
 * timestamp, its event time as it flows through the pipeline: ksqlDB's {@code ROWTIME}),
 * {@code meta.key} (the record key, as {@code key}), and {@code meta.topic}, {@code meta.partition}
 * and {@code meta.offset} of the Kafka record the step's task is processing. A record field named
 * {@code meta} hides it.
 */
public final class RecordMetadata {

	/** The variable's name. */
	public static final String VARIABLE = "meta";

	/** The record timestamp, a CEL {@code timestamp}. */
	public static final String TIMESTAMP = "timestamp";

	/** The record key, a {@code string} or {@code null}. */
	public static final String KEY = "key";

	/** The topic of the Kafka record being processed, a {@code string}. */
	public static final String TOPIC = "topic";

	/** Its partition, an {@code int}. */
	public static final String PARTITION = "partition";

	/** Its offset, an {@code int}. */
	public static final String OFFSET = "offset";

	/** Every field of {@code meta}, in documentation order. */
	public static final List<String> FIELDS = List.of(TIMESTAMP, KEY, TOPIC, PARTITION, OFFSET);

	/** The variable's type: a map of field name to value, each typed at run time. */
	public static final CelType TYPE = MapType.create(SimpleType.STRING, SimpleType.DYN);

	private RecordMetadata() {
	}

}
