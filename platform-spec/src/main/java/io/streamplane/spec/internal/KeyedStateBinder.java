package io.streamplane.spec.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.Expression;
import io.streamplane.spec.Step;

/**
 * Binds the steps that keep per-key state: {@code dedupe}, {@code running}, {@code crossing} and
 * {@code changes}. The record key is their key; which records have one is only known at run time,
 * where a record without a key is dead-lettered.
 */
final class KeyedStateBinder {

	/** The most thresholds a crossing step may list. */
	static final int MAX_THRESHOLDS = 100;

	private final ExpressionCompiler expressions;

	private final AggregationBinder aggregations;

	KeyedStateBinder(ExpressionCompiler expressions) {
		this.expressions = expressions;
		this.aggregations = new AggregationBinder(expressions);
	}

	/** {@code dedupe: { by: event_id, within: 10m }}; {@code by} defaults to the key. */
	Bound<Step> dedupe(Node node, Schema in) {
		if (!node.isObjectWith(List.of("by", "within"))) {
			return Bound.of(Optional.empty(), in);
		}
		Optional<Duration> within = node.required("within").flatMap(Node::positiveDuration);
		Optional<Optional<Expression>> by = node.optional("by")
			.map(byNode -> expressions.compile(byNode, in).map(Optional::of))
			.orElse(Optional.of(Optional.empty()));
		if (within.isEmpty() || by.isEmpty()) {
			return Bound.of(Optional.empty(), in);
		}
		return Bound.of(Optional.of(new Step.Dedupe(by.get(), within.get())), in);
	}

	/** {@code running: { events: "count()", spent: "sum(amount)" }}: adds the aggregates as fields. */
	Bound<Step> running(Node node, Schema in) {
		if (!node.value().isObject() || node.value().isEmpty()) {
			node.report("running needs an object of name: \"function(argument)\", e.g. running: { events: \"count()\", " +
					"spent: \"sum(amount)\" }, got " + Node.describe(node.value()));
			return Bound.of(Optional.empty(), in);
		}
		List<Aggregation> results = new ArrayList<>();
		Map<String, CelType> types = new LinkedHashMap<>();
		boolean valid = aggregations.bind(node, in, types, results);
		for (Aggregation aggregation : results) {
			if (aggregation.function() == AggregateFunction.COLLECT ||
					aggregation.function() == AggregateFunction.COUNT_DISTINCT) {
				node.field(aggregation.name()).report(Node.id(aggregation.function()) + " keeps every value and would " +
						"grow without bound over a key's lifetime; use it in a window step instead");
				valid = false;
			}
		}
		Schema out = in;
		for (Map.Entry<String, CelType> type : types.entrySet()) {
			out = out.with(type.getKey(), type.getValue());
		}
		return Bound.of(valid ? Optional.of(new Step.Running(results)) : Optional.empty(), out);
	}

	/** {@code crossing: { value: events, thresholds: [100, 1000], as: milestone }}. */
	Bound<Step> crossing(Node node, Schema in) {
		if (!node.isObjectWith(List.of("value", "thresholds", "as"))) {
			return Bound.of(Optional.empty(), in);
		}
		Optional<Expression> value = node.required("value").flatMap(valueNode -> number(valueNode, in));
		Optional<List<Number>> thresholds = node.required("thresholds").flatMap(KeyedStateBinder::thresholds);
		Optional<String> field = node.optional("as").map(asNode -> asNode.text()
			.filter(name -> Fields.checkNew(asNode, name))).orElse(Optional.of(Step.Crossing.DEFAULT_FIELD));
		CelType type = thresholds.filter(list -> list.stream().allMatch(Long.class::isInstance)).isPresent()
				? SimpleType.INT : SimpleType.DOUBLE;
		Schema out = in.with(field.orElse(Step.Crossing.DEFAULT_FIELD), type);
		if (value.isEmpty() || thresholds.isEmpty() || field.isEmpty()) {
			return Bound.of(Optional.empty(), out);
		}
		return Bound.of(Optional.of(new Step.Crossing(value.get(), thresholds.get(), field.get())), out);
	}

	/** {@code changes: { of: status, previous: previous_status }}. */
	Bound<Step> changes(Node node, Schema in) {
		if (!node.isObjectWith(List.of("of", "previous"))) {
			return Bound.of(Optional.empty(), in);
		}
		Optional<Expression> of = node.required("of").flatMap(ofNode -> expressions.compile(ofNode, in));
		Optional<Optional<String>> previous = node.optional("previous")
			.map(previousNode -> previousNode.text().filter(name -> Fields.checkNew(previousNode, name)).map(Optional::of))
			.orElse(Optional.of(Optional.empty()));
		Schema out = previous.flatMap(name -> name).map(name -> in.with(name, SimpleType.DYN)).orElse(in);
		if (of.isEmpty() || previous.isEmpty()) {
			return Bound.of(Optional.empty(), out);
		}
		return Bound.of(Optional.of(new Step.Changes(of.get(), previous.get())), out);
	}

	private Optional<Expression> number(Node node, Schema in) {
		Optional<Expression> value = expressions.compile(node, in);
		CelKind kind = value.map(expression -> expression.resultType().kind()).orElse(CelKind.DYN);
		if (kind != CelKind.INT && kind != CelKind.UINT && kind != CelKind.DOUBLE && kind != CelKind.DYN) {
			node.report("crossing needs a number, but \"" + value.get().text() + "\" is " +
					value.get().resultType().name() + "; e.g. value: events after running: { events: \"count()\" }");
			return Optional.empty();
		}
		return value;
	}

	private static Optional<List<Number>> thresholds(Node node) {
		List<Node> elements = node.elements("a list of numbers in ascending order, e.g. [100, 1000]");
		if (elements.isEmpty()) {
			if (node.value().isArray()) {
				node.report("crossing needs at least one threshold, e.g. thresholds: [100]");
			}
			return Optional.empty();
		}
		if (elements.size() > MAX_THRESHOLDS) {
			node.report("too many thresholds: " + elements.size() + "; at most " + MAX_THRESHOLDS + " are allowed");
			return Optional.empty();
		}
		List<Number> thresholds = new ArrayList<>();
		boolean valid = true;
		for (Node element : elements) {
			Optional<Number> threshold = threshold(element);
			if (threshold.isPresent() && !thresholds.isEmpty() &&
					threshold.get().doubleValue() <= thresholds.getLast().doubleValue()) {
				element.report("thresholds must be strictly ascending, but " + element.value() + " follows " +
						thresholds.getLast() + "; sort them and list each once");
				valid = false;
			}
			threshold.ifPresent(thresholds::add);
			valid &= threshold.isPresent();
		}
		return valid ? Optional.of(thresholds) : Optional.empty();
	}

	private static Optional<Number> threshold(Node node) {
		if (node.value().isIntegralNumber() && node.value().canConvertToLong()) {
			return Optional.of(node.value().longValue());
		}
		if (node.value().isNumber() && Double.isFinite(node.value().doubleValue())) {
			return Optional.of(node.value().doubleValue());
		}
		node.report("expected a number, got " + Node.describe(node.value()));
		return Optional.empty();
	}

}
