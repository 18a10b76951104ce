package io.streamplane.spec;

import java.util.Objects;

/**
 * A Kafka topic a source reads or an output writes: {@code kafka: { topic: payments, format: json }}.
 *
 * @param topic the topic name: 1 to 249 characters among letters, digits, '.', '_' and '-'
 * @param format how its records are encoded
 */
public record KafkaTopic(String topic, DataFormat format) {

	public KafkaTopic {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(format, "format");
	}

	/** A JSON topic. */
	public static KafkaTopic json(String topic) {
		return new KafkaTopic(topic, DataFormat.JSON);
	}

}
