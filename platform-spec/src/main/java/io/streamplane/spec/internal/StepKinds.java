package io.streamplane.spec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recognises which step an entry of {@code steps} is: an object with exactly one step key, or a
 * {@code window}, a {@code rolling} or a {@code groupBy} with its {@code aggregate}.
 */
final class StepKinds {

	private static final String EXAMPLE = "e.g. - filter: \"amount > 0\"";

	private StepKinds() {
	}

	static Optional<String> of(Node node) {
		String allowed = String.join(", ", StepBinder.KINDS);
		if (!node.value().isObject()) {
			node.report("expected a step object with one of " + allowed + ", got " + Node.describe(node.value()) +
					"; " + EXAMPLE);
			return Optional.empty();
		}
		List<String> keys = new ArrayList<>(node.value().propertyNames());
		if (keys.contains("window")) {
			return node.isObjectWith(List.of("window", "aggregate")) ? Optional.of("window") : Optional.empty();
		}
		if (keys.contains("rolling")) {
			return node.isObjectWith(List.of("rolling", "aggregate")) ? Optional.of("rolling") : Optional.empty();
		}
		if (keys.contains("groupBy")) {
			return node.isObjectWith(List.of("groupBy", "aggregate")) ? Optional.of("groupBy") : Optional.empty();
		}
		if (keys.contains("aggregate")) {
			node.field("aggregate").report("aggregate belongs to a window or rolling step, or to a groupBy " +
					"over a table; add one next to it, e.g. window: { tumbling: 1m }, rolling: { range: 24h } or groupBy: [region]");
			return Optional.empty();
		}
		if (keys.size() != 1) {
			node.report((keys.isEmpty() ? "empty step" : "a step has exactly one key, got " + String.join(", ", keys) +
					"; split it into several steps") + "; allowed: " + allowed);
			return Optional.empty();
		}
		String kind = keys.getFirst();
		if (!StepBinder.KINDS.contains(kind)) {
			node.field(kind).report("unknown step '" + kind + "'" + Suggestions.hint(kind, StepBinder.KINDS));
			return Optional.empty();
		}
		return Optional.of(kind);
	}

}
