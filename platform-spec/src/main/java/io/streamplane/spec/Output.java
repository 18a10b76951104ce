package io.streamplane.spec;

import java.util.Objects;

/**
 * Writes a source or transform to a Kafka topic:
 * {@code { from: revenue_1m, kafka: { topic: merchant_revenue_1m, format: json } }}.
 *
 * @param from the source or transform written
 * @param kafka the topic written; no two outputs write the same topic
 */
public record Output(String from, KafkaTopic kafka) {

	public Output {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(kafka, "kafka");
	}

}
