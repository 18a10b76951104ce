package io.streamplane.engine.compile.internal.value;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.values.NullValue;
import io.streamplane.spec.RecordMetadata;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * The metadata of the record an operator is processing, as expressions read it through
 * {@code meta} ({@link RecordMetadata}): one per operator instance, attached to its task's context
 * at init and moved to each record before the operator applies itself. The CEL value is built only
 * when an expression reads {@code meta}.
 */
public final class RecordMeta {

	private ProcessingContext context;

	private long timestamp;

	private String key;

	/** Takes the topic, partition and offset from {@code context}, the operator's. */
	public void attach(ProcessingContext context) {
		this.context = context;
	}

	/** Moves to the record with this timestamp and key. */
	public void at(long timestamp, String key) {
		this.timestamp = timestamp;
		this.key = key;
	}

	/** {@code meta} as a CEL map; topic, partition and offset {@code null} when the task has no input record. */
	Map<String, Object> toCel() {
		Optional<org.apache.kafka.streams.processor.api.RecordMetadata> input = context == null ? Optional.empty()
				: context.recordMetadata();
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put(RecordMetadata.TIMESTAMP, Instant.ofEpochMilli(timestamp));
		meta.put(RecordMetadata.KEY, key == null ? NullValue.NULL_VALUE : key);
		meta.put(RecordMetadata.TOPIC, input.<Object>map(record -> record.topic()).orElse(NullValue.NULL_VALUE));
		meta.put(RecordMetadata.PARTITION, input.<Object>map(record -> (long) record.partition()).orElse(NullValue.NULL_VALUE));
		meta.put(RecordMetadata.OFFSET, input.<Object>map(record -> record.offset()).orElse(NullValue.NULL_VALUE));
		return meta;
	}

}
