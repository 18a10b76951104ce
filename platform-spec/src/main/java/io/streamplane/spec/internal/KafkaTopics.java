package io.streamplane.spec.internal;

import java.util.List;
import java.util.Optional;

import io.streamplane.spec.DataFormat;
import io.streamplane.spec.KafkaTopic;

/** Binds {@code kafka: { topic: payments, format: json }}; the format defaults to {@code json}. */
final class KafkaTopics {

	private static final List<String> FIELDS = List.of("topic", "format");

	private KafkaTopics() {
	}

	static Optional<KafkaTopic> bind(Node node) {
		if (!node.isObjectWith(FIELDS)) {
			return Optional.empty();
		}
		Optional<String> topic = node.required("topic").flatMap(KafkaTopics::topicName);
		Optional<DataFormat> format = node.optional("format")
			.map(formatNode -> formatNode.enumValue(DataFormat.class))
			.orElse(Optional.of(DataFormat.JSON));
		if (topic.isEmpty() || format.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new KafkaTopic(topic.get(), format.get()));
	}

	/** A valid topic name at {@code node}. */
	static Optional<String> topicName(Node node) {
		Optional<String> name = node.text();
		if (name.isPresent() && !Names.isTopic(name.get())) {
			node.report("invalid topic name \"" + name.get() + "\"; " + Names.TOPIC_RULE);
			return Optional.empty();
		}
		return name;
	}

}
