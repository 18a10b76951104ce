package io.streamplane.spec.internal;

import java.util.List;
import java.util.Optional;

import io.streamplane.spec.DeliveryGuarantee;
import io.streamplane.spec.Processing;

/** Binds {@code processing: { guarantee: exactly_once, deadLetterTopic: ... }}, filling in defaults. */
final class ProcessingBinder {

	private static final List<String> FIELDS = List.of("guarantee", "deadLetterTopic");

	private ProcessingBinder() {
	}

	static Processing bind(Optional<Node> node, String pipeline) {
		Processing defaults = Processing.defaults(pipeline);
		if (node.isEmpty() || !node.get().isObjectWith(FIELDS)) {
			return defaults;
		}
		DeliveryGuarantee guarantee = node.get().optional("guarantee")
			.flatMap(guaranteeNode -> guaranteeNode.enumValue(DeliveryGuarantee.class))
			.orElse(defaults.guarantee());
		String deadLetterTopic = node.get().optional("deadLetterTopic")
			.flatMap(KafkaTopics::topicName)
			.orElse(defaults.deadLetterTopic());
		return new Processing(guarantee, deadLetterTopic);
	}

}
