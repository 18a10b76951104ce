package io.streamplane.spec.internal;

import java.util.List;
import java.util.Optional;

import io.streamplane.spec.KafkaTopic;
import io.streamplane.spec.Output;

/** Binds one entry of {@code outputs}: {@code { from: revenue_1m, kafka: { topic: revenue } }}. */
final class OutputBinder {

	private static final List<String> FIELDS = List.of("from", "kafka");

	private OutputBinder() {
	}

	/** @param defined the names of all sources and transforms */
	static Optional<Output> bind(Node node, List<String> defined) {
		if (!node.isObjectWith(FIELDS)) {
			return Optional.empty();
		}
		Optional<String> from = node.required("from").flatMap(Node::text);
		if (from.isPresent() && !defined.contains(from.get())) {
			node.field("from").report("undefined input '" + from.get() + "'" +
					Suggestions.hint(from.get(), defined, "defined sources and transforms"));
			from = Optional.empty();
		}
		Optional<KafkaTopic> kafka = node.required("kafka").flatMap(KafkaTopics::bind);
		if (from.isEmpty() || kafka.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Output(from.get(), kafka.get()));
	}

}
