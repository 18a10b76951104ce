package io.streamplane.engine.preview;

import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * One input record of a preview, in arrival order.
 *
 * @param topic a topic one of the pipeline's sources reads
 * @param key the record key, or {@code null}
 * @param value the record value, written to the topic as JSON
 * @param timestampMs the Kafka record timestamp in epoch milliseconds, or {@code null} for 0; only
 * matters for sources whose event time is the record timestamp
 */
public record PreviewInput(String topic, String key, JsonNode value, Long timestampMs) {

	public PreviewInput {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(value, "value");
	}

	/** An input without a record timestamp. */
	public static PreviewInput of(String topic, String key, JsonNode value) {
		return new PreviewInput(topic, key, value, null);
	}

}
