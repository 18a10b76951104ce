package io.streamplane.spec.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.Expression;
import io.streamplane.spec.Step;

/**
 * Binds a group-by over a table, {@code groupBy: [region]} or
 * {@code groupBy: { by: [region], having: "orders >= 2" }}, with its sibling
 * {@code aggregate: { orders: "count()" }} written as a window's. The records after it are the
 * groups: the {@code by} fields, then the aggregates; {@code having} sees them.
 */
final class GroupByBinder {

	private static final List<String> FIELDS = List.of("by", "having");

	private static final String EXAMPLE = "e.g. groupBy: [region] or groupBy: { by: [region], having: \"orders >= 2\" }";

	private final ExpressionCompiler expressions;

	private final AggregationBinder aggregations;

	GroupByBinder(ExpressionCompiler expressions) {
		this.expressions = expressions;
		this.aggregations = new AggregationBinder(expressions);
	}

	/** Binds the step object holding {@code groupBy} and {@code aggregate}. */
	Bound<Step> bind(Node step, Schema in) {
		Node groupBy = step.field("groupBy");
		Node byNode = groupBy.value().isObject() && groupBy.isObjectWith(FIELDS)
				? groupBy.required("by").orElse(null) : groupBy.value().isObject() ? null : groupBy;
		Map<String, CelType> out = new LinkedHashMap<>();
		List<String> by = byNode == null ? List.of() : by(byNode, in, out);
		boolean valid = byNode != null && !by.isEmpty();
		List<Aggregation> results = new ArrayList<>();
		valid &= step.required("aggregate").map(node -> aggregations.bind(node, in, out, results)).orElse(false);
		for (Aggregation aggregation : results) {
			valid &= retractable(step.field("aggregate").field(aggregation.name()), aggregation);
		}
		Schema schema = Schema.closed(out);
		Optional<Expression> having = groupBy.value().isObject()
				? groupBy.optional("having").flatMap(node -> having(node, schema)) : Optional.empty();
		valid &= !groupBy.value().isObject() || !groupBy.has("having") || having.isPresent();
		return Bound.of(valid ? Optional.of(new Step.GroupBy(by, results, having)) : Optional.empty(), schema);
	}

	/** The group's fields, a name or a list of names, each a field of the table; added to {@code out}. */
	private static List<String> by(Node node, Schema in, Map<String, CelType> out) {
		List<Node> names = node.value().isArray() ? node.elements("a list of field names") : List.of(node);
		if (names.isEmpty()) {
			node.report("groupBy needs at least one field; " + EXAMPLE);
			return List.of();
		}
		List<String> by = new ArrayList<>();
		boolean valid = true;
		for (Node name : names) {
			Optional<String> field = name.value().isString() ? name.text() : Optional.empty();
			if (field.isEmpty()) {
				name.report("expected a field name, got " + Node.describe(name.value()) + "; " + EXAMPLE);
			}
			else if (out.containsKey(field.get())) {
				name.report("field '" + field.get() + "' is listed twice; list it once");
			}
			else if (in.type(field.get()).isEmpty()) {
				name.report(Fields.undeclared(field.get(), in));
			}
			else {
				by.add(field.get());
				out.put(field.get(), in.type(field.get()).get());
				continue;
			}
			valid = false;
		}
		return valid ? by : List.of();
	}

	private static boolean retractable(Node node, Aggregation aggregation) {
		if (aggregation.function().retractable()) {
			return true;
		}
		node.report(Node.id(aggregation.function()) + " depends on the order of records, which the rows of a table " +
				"do not have; a groupBy takes count, sum, avg, min, max and count_distinct");
		return false;
	}

	private Optional<Expression> having(Node node, Schema groups) {
		Optional<Expression> condition = expressions.compile(node, groups);
		if (condition.isPresent() && condition.get().resultType().kind() != CelKind.BOOL &&
				condition.get().resultType().kind() != CelKind.DYN) {
			node.report("having must be a bool expression over the group's fields and aggregates, but \"" +
					condition.get().text() + "\" is " + condition.get().resultType().name() + "; e.g. \"orders >= 2\"");
			return Optional.empty();
		}
		return condition;
	}

}
