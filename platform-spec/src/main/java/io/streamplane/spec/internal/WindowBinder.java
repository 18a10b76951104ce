package io.streamplane.spec.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.Emit;
import io.streamplane.spec.Step;
import io.streamplane.spec.WindowKind;

/**
 * Binds a window step, {@code window: { tumbling: 1m, emit: final }} with its sibling
 * {@code aggregate: { revenue: "sum(amount)" }}. The records after it hold the key field, the
 * window bounds and the aggregates.
 */
final class WindowBinder {

	private static final List<String> KINDS = List.of("tumbling", "hopping", "sliding", "session");

	private static final List<String> FIELDS = List.of("tumbling", "hopping", "sliding", "session", "emit");

	private final AggregationBinder aggregations;

	private final WindowLimits limits;

	WindowBinder(ExpressionCompiler expressions, WindowLimits limits) {
		this.aggregations = new AggregationBinder(expressions);
		this.limits = limits;
	}

	/** Binds the step object holding {@code window} and {@code aggregate}. */
	Bound<Step> bind(Node step, Schema in) {
		Node window = step.field("window");
		Optional<WindowKind> kind = window.isObjectWith(FIELDS) ? kind(window) : Optional.empty();
		Optional<Emit> emit = window.optional("emit").map(node -> node.enumValue(Emit.class)).orElse(Optional.of(Emit.FINAL));
		Map<String, CelType> out = new LinkedHashMap<>();
		if (in.keyField() != null) {
			out.put(in.keyField(), in.fields().getOrDefault(in.keyField(), SimpleType.DYN));
		}
		out.put(Step.Window.WINDOW_START, SimpleType.TIMESTAMP);
		out.put(Step.Window.WINDOW_END, SimpleType.TIMESTAMP);
		List<Aggregation> results = new ArrayList<>();
		boolean valid = step.required("aggregate").map(node -> aggregations.bind(node, in, out, results)).orElse(false);
		for (Aggregation aggregation : results) {
			if (aggregation.function() == AggregateFunction.PREVIOUS) {
				step.field("aggregate").field(aggregation.name()).report("previous(x) is the value at the key's record " +
						"before the current one, which a window does not have; use it in a running step, or last(x) here");
				valid = false;
			}
		}
		Schema schema = new Schema(out, false, in.keyField());
		if (!valid || kind.isEmpty() || emit.isEmpty()) {
			return Bound.of(Optional.empty(), schema);
		}
		return Bound.of(Optional.of(new Step.Window(kind.get(), emit.get(), results)), schema);
	}

	private Optional<WindowKind> kind(Node window) {
		List<String> kinds = KINDS.stream().filter(window::has).toList();
		if (kinds.size() != 1) {
			window.report((kinds.isEmpty() ? "missing the window kind" : "a window has one kind, got " +
					String.join(" and ", kinds)) + "; use one of tumbling: 1m, hopping: { size: 5m, advance: 1m }, " +
					"sliding: { size: 5m }, session: { gap: 20m }");
			return Optional.empty();
		}
		Node node = window.field(kinds.getFirst());
		return switch (kinds.getFirst()) {
			case "tumbling" -> limits.size(node).map(WindowKind.Tumbling::new);
			case "hopping" -> hopping(node);
			case "sliding" -> sized(node, "size").map(WindowKind.Sliding::new);
			default -> sized(node, "gap").map(WindowKind.Session::new);
		};
	}

	private Optional<WindowKind> hopping(Node node) {
		if (!node.isObjectWith(List.of("size", "advance"))) {
			return Optional.empty();
		}
		Optional<Duration> size = node.required("size").flatMap(limits::size);
		Optional<Duration> advance = node.required("advance").flatMap(Node::positiveDuration);
		if (size.isEmpty() || advance.isEmpty()) {
			return Optional.empty();
		}
		if (advance.get().compareTo(size.get()) > 0) {
			node.field("advance").report("advance " + advance.get() + " is longer than size " + size.get() +
					"; windows would leave gaps; make advance at most size (equal to size is a tumbling window)");
			return Optional.empty();
		}
		if (!limits.hopping(node.field("advance"), size.get(), advance.get())) {
			return Optional.empty();
		}
		return Optional.of(new WindowKind.Hopping(size.get(), advance.get()));
	}

	private Optional<Duration> sized(Node node, String field) {
		if (!node.isObjectWith(List.of(field))) {
			return Optional.empty();
		}
		return node.required(field).flatMap(limits::size);
	}

}
