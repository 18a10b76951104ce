package io.streamplane.spec.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import io.streamplane.spec.Expression;
import io.streamplane.spec.Step;

/** Binds one entry of a transform's {@code steps}, and computes the schema after it. */
final class StepBinder {

	static final List<String> KINDS = List.of("filter", "set", "select", "explode", "keyBy", "window", "dedupe",
			"running", "rolling", "crossing", "changes", "join", "groupBy");

	private final ExpressionCompiler expressions;

	private final WindowBinder windows;

	private final KeyedStateBinder keyedState;

	private final JoinBinder joins;

	private final RollingBinder rolling;

	private final StreamJoinBinder streamJoins;

	private final GroupByBinder groupBys;

	/**
	 * @param tables the names of the pipeline's tables
	 * @param streams the streams a stream join may name
	 */
	StepBinder(ExpressionCompiler expressions, WindowLimits windowLimits, List<String> tables, JoinableStreams streams) {
		this.expressions = expressions;
		this.windows = new WindowBinder(expressions, windowLimits);
		this.keyedState = new KeyedStateBinder(expressions);
		this.joins = new JoinBinder(expressions, tables);
		this.rolling = new RollingBinder(expressions, windowLimits);
		this.streamJoins = new StreamJoinBinder(expressions, windowLimits, streams);
		this.groupBys = new GroupByBinder(expressions);
	}

	Bound<Step> bind(Node node, Schema in) {
		Optional<String> kind = StepKinds.of(node);
		if (kind.isEmpty()) {
			return Bound.of(Optional.empty(), in);
		}
		Node body = node.field(kind.get());
		return switch (kind.get()) {
			case "filter" -> Bound.of(filter(body, in), in);
			case "set" -> set(body, in);
			case "select" -> select(body, in);
			case "explode" -> explode(body, in);
			case "keyBy" -> keyBy(body, in);
			case "dedupe" -> keyedState.dedupe(body, in);
			case "running" -> keyedState.running(body, in);
			case "crossing" -> keyedState.crossing(body, in);
			case "changes" -> keyedState.changes(body, in);
			case "join" -> StreamJoinBinder.isStreamJoin(body) ? streamJoins.bind(body, in) : joins.bind(body, in);
			case "rolling" -> rolling.bind(node, in);
			case "groupBy" -> groupBys.bind(node, in);
			default -> windows.bind(node, in);
		};
	}

	private Optional<Step.Filter> filter(Node node, Schema in) {
		Optional<Expression> condition = expressions.compile(node, in);
		CelKind kind = condition.map(expression -> expression.resultType().kind()).orElse(CelKind.DYN);
		if (kind != CelKind.BOOL && kind != CelKind.DYN) {
			node.report("a filter must be a bool expression, but \"" + condition.get().text() + "\" is " +
					condition.get().resultType().name() + "; compare it, e.g. \"amount > 0\"");
			return Optional.empty();
		}
		return condition.map(Step.Filter::new);
	}

	private Bound<Step> set(Node node, Schema in) {
		Map<String, Expression> fields = new LinkedHashMap<>();
		Schema out = in;
		List<Map.Entry<String, Node>> entries = node.entries("an object of field: expression");
		if (entries.isEmpty() && node.value().isObject()) {
			node.report("set needs at least one field, e.g. set: { is_high_value: \"amount >= 1000\" }");
		}
		boolean valid = !entries.isEmpty();
		for (Map.Entry<String, Node> entry : entries) {
			valid &= Fields.checkNew(entry.getValue(), entry.getKey());
			Optional<Expression> value = expressions.compile(entry.getValue(), in);
			value.ifPresent(expression -> fields.put(entry.getKey(), expression));
			valid &= value.isPresent();
			out = out.with(entry.getKey(), value.map(Expression::resultType).orElse(SimpleType.DYN));
		}
		return Bound.of(valid ? Optional.of(new Step.SetFields(fields)) : Optional.empty(), out);
	}

	private Bound<Step> select(Node node, Schema in) {
		List<String> fields = new ArrayList<>();
		boolean valid = true;
		for (Node element : node.elements("a list of field names, e.g. [id, amount]")) {
			Optional<String> name = element.text();
			if (name.isPresent() && fields.contains(name.get())) {
				element.report("field '" + name.get() + "' is selected twice; list it once");
				valid = false;
			}
			else if (name.isPresent() && in.type(name.get()).isEmpty()) {
				element.report(Fields.undeclared(name.get(), in));
				valid = false;
			}
			name.ifPresent(fields::add);
			valid &= name.isPresent();
		}
		if (fields.isEmpty() && node.value().isArray()) {
			node.report("select needs at least one field, e.g. select: [id, amount]");
		}
		Schema out = in.select(fields);
		return Bound.of(valid && !fields.isEmpty() ? Optional.of(new Step.Select(fields)) : Optional.empty(), out);
	}

	private Bound<Step> explode(Node node, Schema in) {
		if (!node.isObjectWith(List.of("field", "from"))) {
			return Bound.of(Optional.empty(), in);
		}
		Optional<String> field = node.required("field").flatMap(Node::text)
			.filter(name -> Fields.checkNew(node.field("field"), name));
		Optional<Expression> from = node.required("from").flatMap(fromNode -> expressions.compile(fromNode, in));
		CelType element = from.map(expression -> elementType(node.field("from"), expression)).orElse(SimpleType.DYN);
		Schema out = field.map(name -> in.with(name, element)).orElse(in);
		if (field.isEmpty() || from.isEmpty() || element == SimpleType.ERROR) {
			return Bound.of(Optional.empty(), out);
		}
		return Bound.of(Optional.of(new Step.Explode(field.get(), from.get())), out);
	}

	private static CelType elementType(Node node, Expression from) {
		CelType type = from.resultType();
		if (type instanceof ListType list) {
			return list.hasElemType() ? list.elemType() : SimpleType.DYN;
		}
		if (type.kind() == CelKind.DYN) {
			return SimpleType.DYN;
		}
		node.report("explode needs a list expression, but \"" + from.text() + "\" is " + type.name() +
				"; e.g. \"line.split(' ')\"");
		return SimpleType.ERROR;
	}

	private Bound<Step> keyBy(Node node, Schema in) {
		if (node.value().isString()) {
			String field = node.value().stringValue();
			if (!Names.isField(field)) {
				node.report("keyBy takes a field name or { field: <name>, expression: <cel> }; \"" + field +
						"\" is not a field name (" + Names.FIELD_RULE + ")");
				return Bound.of(Optional.empty(), in);
			}
			return keyBy(field, expressions.compile(node, field, in), in);
		}
		if (!node.isObjectWith(List.of("field", "expression"))) {
			return Bound.of(Optional.empty(), in);
		}
		Optional<String> field = node.required("field").flatMap(Node::text)
			.filter(name -> Fields.checkNew(node.field("field"), name));
		Optional<Expression> expression = node.required("expression")
			.flatMap(expressionNode -> expressions.compile(expressionNode, in));
		return field.map(name -> keyBy(name, expression, in)).orElse(Bound.of(Optional.empty(), in));
	}

	private static Bound<Step> keyBy(String field, Optional<Expression> expression, Schema in) {
		Schema out = in.keyedBy(field, expression.map(Expression::resultType).orElse(SimpleType.DYN));
		return Bound.of(expression.map(value -> new Step.KeyBy(field, value)), out);
	}

}
