package io.streamplane.spec.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.DecimalType;
import io.streamplane.spec.Expression;

/** Binds {@code aggregate: { name: "function(argument)" }} of a window step. */
final class AggregationBinder {

	private static final Pattern CALL = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)\\s*", Pattern.DOTALL);

	private static final Pattern DECLARED = Pattern.compile(
			"(.*\\))\\s+as\\s+([A-Za-z_][A-Za-z0-9_]*\\s*(?:\\([^()]*\\))?)\\s*", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final List<String> FUNCTIONS = Arrays.stream(AggregateFunction.values()).map(Node::id).toList();

	private final ExpressionCompiler expressions;

	AggregationBinder(ExpressionCompiler expressions) {
		this.expressions = expressions;
	}

	/** Adds each aggregation to {@code results} and its type to {@code out}; whether all are valid. */
	boolean bind(Node node, Schema in, Map<String, CelType> out, List<Aggregation> results) {
		List<Map.Entry<String, Node>> entries = node.entries("an object of name: \"function(argument)\"");
		if (entries.isEmpty()) {
			node.report("a window needs at least one aggregation, e.g. aggregate: { revenue: \"sum(amount)\" }");
			return false;
		}
		boolean valid = true;
		for (Map.Entry<String, Node> entry : entries) {
			String name = entry.getKey();
			Node value = entry.getValue();
			if (out.containsKey(name)) {
				value.report("aggregation '" + name + "' clashes with the window field '" + name + "'; rename it");
				valid = false;
				continue;
			}
			Optional<Aggregation> aggregation = Fields.checkNew(value, name)
					? value.text().flatMap(text -> aggregation(value, name, text, in)) : Optional.empty();
			aggregation.ifPresent(results::add);
			out.put(name, aggregation.map(AggregationBinder::type).orElse(SimpleType.DYN));
			valid &= aggregation.isPresent();
		}
		return valid;
	}

	/**
	 * The aggregation {@code name} written as {@code text}, e.g. {@code sum(amount)}, or with a
	 * condition, {@code sum(amount, country == 'US')} or {@code count(kind == 'imp')}; problems
	 * reported at {@code node}.
	 */
	Optional<Aggregation> aggregation(Node node, String name, String text, Schema in) {
		Matcher declared = DECLARED.matcher(text);
		if (!declared.matches()) {
			return call(node, name, text, in, Optional.empty());
		}
		Optional<DecimalType> decimal = DecimalTypes.parse(node, declared.group(2));
		return decimal.isEmpty() ? Optional.empty() : call(node, name, declared.group(1), in, decimal);
	}

	private Optional<Aggregation> call(Node node, String name, String text, Schema in, Optional<DecimalType> decimal) {
		Matcher call = CALL.matcher(text);
		if (!call.matches()) {
			node.report("expected an aggregate call like \"sum(amount)\" or \"count()\", got \"" + text + "\"; functions: " +
					String.join(", ", FUNCTIONS));
			return Optional.empty();
		}
		String function = call.group(1);
		if (!FUNCTIONS.contains(function)) {
			node.report("unknown aggregate function '" + function + "'" + Suggestions.hint(function, FUNCTIONS));
			return Optional.empty();
		}
		AggregateFunction aggregate = AggregateFunction.valueOf(function.toUpperCase());
		if (decimal.isPresent() && !aggregate.takesDecimal()) {
			node.report("\"" + text + " as " + decimal.get() + "\": only sum and avg take a decimal type; " + function +
					" keeps the type of its argument");
			return Optional.empty();
		}
		List<String> arguments = CallArguments.split(call.group(2));
		int expected = aggregate.takesArgument() ? 1 : 0;
		if (arguments.size() < expected || arguments.size() > expected + 1 || arguments.contains("")) {
			node.report(arity(aggregate, function, text));
			return Optional.empty();
		}
		Optional<Expression> condition = arguments.size() > expected
				? condition(node, arguments.get(expected), in) : Optional.empty();
		if (arguments.size() > expected && condition.isEmpty()) {
			return Optional.empty();
		}
		if (!aggregate.takesArgument()) {
			return Optional.of(new Aggregation(name, aggregate, Optional.empty(), condition));
		}
		String argument = arguments.getFirst();
		Optional<Expression> compiled = expressions.compile(node, argument, in);
		if (compiled.isPresent() && decimal.isPresent() && !isDecimalInput(compiled.get().resultType())) {
			node.report(function + " as " + decimal.get() + " needs a number or a string holding one, but \"" + argument +
					"\" is " + compiled.get().resultType().name());
			return Optional.empty();
		}
		if (compiled.isPresent() && decimal.isEmpty() && aggregate.needsNumber() &&
				!isNumeric(compiled.get().resultType())) {
			node.report(function + " needs a number, but \"" + argument + "\" is " + compiled.get().resultType().name() +
					"; use count(), min, max, first, last or collect for other values" +
					(compiled.get().resultType().kind() == CelKind.STRING ? ", or " + function + "(" + argument +
							") as decimal(18, 2) for amounts written as strings" : ""));
			return Optional.empty();
		}
		return compiled.map(expression -> new Aggregation(name, aggregate, Optional.of(expression), condition, decimal));
	}

	private static String arity(AggregateFunction aggregate, String function, String text) {
		if (aggregate.takesArgument()) {
			return "\"" + text + "\": " + function + " takes an argument and an optional condition, e.g. " + function +
					"(amount) or " + function + "(amount, country == 'US')";
		}
		return "\"" + text + "\": count takes no argument or one condition, e.g. count() or count(kind == 'imp'); " +
				"to count distinct values use count_distinct(x)";
	}

	private Optional<Expression> condition(Node node, String text, Schema in) {
		Optional<Expression> condition = expressions.compile(node, text, in);
		if (condition.isPresent() && !isBool(condition.get().resultType())) {
			node.report("the condition \"" + text + "\" is " + condition.get().resultType().name() +
					", not bool; write a comparison such as kind == 'imp'");
			return Optional.empty();
		}
		return condition;
	}

	private static boolean isBool(CelType type) {
		return type.kind() == CelKind.BOOL || type.kind() == CelKind.DYN;
	}

	private static boolean isNumeric(CelType type) {
		return switch (type.kind()) {
			case INT, UINT, DOUBLE, DYN -> true;
			default -> false;
		};
	}

	private static boolean isDecimalInput(CelType type) {
		return isNumeric(type) || type.kind() == CelKind.STRING;
	}

	/** The type of an aggregation's result: a decimal's is its exact text, a string. */
	static CelType type(Aggregation aggregation) {
		if (aggregation.decimal().isPresent()) {
			return SimpleType.STRING;
		}
		CelType argument = aggregation.argument().map(Expression::resultType).orElse(SimpleType.DYN);
		return switch (aggregation.function()) {
			case COUNT, COUNT_DISTINCT -> SimpleType.INT;
			case PREVIOUS -> SimpleType.DYN;
			case AVG -> SimpleType.DOUBLE;
			case COLLECT -> ListType.create(argument);
			case SUM, MIN, MAX, FIRST, LAST -> argument.kind() == CelKind.ERROR ? SimpleType.DYN : argument;
		};
	}

}
