package io.streamplane.spec.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.streamplane.spec.Step;
import io.streamplane.spec.Transform;

/** Binds one entry of {@code transforms}: its inputs first, for the graph, then its steps in order. */
final class TransformBinder {

	private static final List<String> FIELDS = List.of("from", "steps");

	private final StepBinder steps;

	private final int maxSteps;

	/** The transforms whose records include retractions of merged sessions ({@link SessionRetractions}). */
	private final Set<String> retracting = new HashSet<>();

	/**
	 * @param tables the names of the pipeline's tables
	 * @param streams the streams a stream join may name
	 */
	TransformBinder(ExpressionCompiler expressions, WindowLimits windows, int maxSteps, List<String> tables,
			JoinableStreams streams) {
		this.steps = new StepBinder(expressions, windows, tables, streams);
		this.maxSteps = maxSteps;
	}

	/**
	 * The defined inputs named by {@code from}: one name, or a list of names to merge. Reports
	 * undefined and repeated names.
	 * @param defined the names of all sources and transforms
	 */
	List<String> inputs(Node node, List<String> defined) {
		if (!node.isObjectWith(FIELDS)) {
			return List.of();
		}
		Optional<Node> from = node.required("from");
		if (from.isEmpty()) {
			return List.of();
		}
		List<Node> names = from.get().value().isArray() ? from.get().elements("a list of input names") : List.of(from.get());
		if (names.isEmpty()) {
			from.get().report("expected at least one input; name a source or transform, e.g. from: payments");
		}
		List<String> inputs = new ArrayList<>();
		for (Node nameNode : names) {
			Optional<String> name = nameNode.text();
			if (name.isPresent() && !defined.contains(name.get())) {
				nameNode.report("undefined input '" + name.get() + "'" +
						Suggestions.hint(name.get(), defined, "defined sources and transforms"));
			}
			else if (name.isPresent() && inputs.contains(name.get())) {
				nameNode.report("input '" + name.get() + "' is listed twice; list each input once");
			}
			else {
				name.ifPresent(inputs::add);
			}
		}
		return inputs;
	}

	/**
	 * The transform, if valid, and the schema of its output.
	 * @param tables the inputs whose records are tables; the transform is added when its output is one
	 */
	Bound<Transform> bind(String name, Node node, List<String> inputs, Schema in, Set<String> tables) {
		if (!node.value().isObject()) {
			return Bound.of(Optional.empty(), Schema.dynamic());
		}
		List<Node> stepNodes = node.optional("steps").map(stepsNode -> stepsNode.elements("a list of steps")).orElse(List.of());
		if (stepNodes.size() > maxSteps) {
			node.field("steps").report("too many steps: " + stepNodes.size() + "; at most " + maxSteps +
					" are allowed; split the transform into several transforms");
		}
		int before = node.problems().count();
		List<Step> bound = new ArrayList<>();
		Schema schema = in;
		boolean table = inputs.stream().anyMatch(tables::contains);
		if (table && inputs.size() > 1) {
			node.field("from").report("a transform reading a table reads only that table; merging a table with " +
					"other inputs is not supported; join them instead");
		}
		boolean retractions = false;
		for (String input : inputs) {
			if (retracting.contains(input)) {
				node.field("from").report("transform '" + name + "' reads '" + input + "', which " + SessionRetractions.MESSAGE);
			}
		}
		for (Node stepNode : stepNodes) {
			Bound<Step> step = steps.bind(stepNode, schema);
			step.value().ifPresent(bound::add);
			retractions = SessionRetractions.after(stepNode, step.value(), retractions);
			table = TableFlow.after(stepNode, step.value(), table);
			schema = step.schema();
		}
		if (table) {
			tables.add(name);
		}
		if (retractions) {
			retracting.add(name);
		}
		if (node.problems().count() > before || inputs.isEmpty()) {
			return Bound.of(Optional.empty(), schema);
		}
		return Bound.of(Optional.of(new Transform(name, inputs, bound)), schema);
	}

	/** The schema entering a transform: the union of its inputs' schemas. */
	static Schema inputSchema(List<String> inputs, Map<String, Schema> schemas) {
		if (inputs.isEmpty()) {
			return Schema.dynamic();
		}
		return Schema.merge(inputs.stream().map(input -> schemas.getOrDefault(input, Schema.dynamic())).toList());
	}

}
