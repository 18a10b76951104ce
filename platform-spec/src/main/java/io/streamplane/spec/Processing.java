package io.streamplane.spec;

import java.util.Objects;

/**
 * How a pipeline runs: {@code processing: { guarantee: at_least_once, deadLetterTopic: my-dlq }}.
 *
 * @param guarantee the delivery guarantee
 * @param deadLetterTopic where bad and late records go, with headers naming pipeline, step and error
 */
public record Processing(DeliveryGuarantee guarantee, String deadLetterTopic) {

	/** The prefix of derived dead-letter topic names. */
	public static final String DEAD_LETTER_PREFIX = "sp.dlq.";

	public Processing {
		Objects.requireNonNull(guarantee, "guarantee");
		Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
	}

	/** Exactly-once processing with the dead-letter topic {@code sp.dlq.<pipeline>}. */
	public static Processing defaults(String pipeline) {
		return new Processing(DeliveryGuarantee.EXACTLY_ONCE, DEAD_LETTER_PREFIX + pipeline);
	}

}
