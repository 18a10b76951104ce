package io.streamplane.spec.internal;

import java.util.List;
import java.util.Optional;

import dev.cel.common.types.CelKind;
import io.streamplane.spec.Expression;
import io.streamplane.spec.JoinMode;
import io.streamplane.spec.JoinType;
import io.streamplane.spec.Step;

/**
 * Binds {@code join: { table, on, type, mode }}. {@code on} is a CEL expression over the row
 * (a field name is one) whose value is the joined table row's primary key. The schema after it has
 * the row's fields and any other field, since table rows are not declared.
 */
final class JoinBinder {

	private static final List<String> FIELDS = List.of("table", "on", "type", "mode");

	private static final List<CelKind> KEY_KINDS = List.of(CelKind.STRING, CelKind.INT, CelKind.UINT, CelKind.BOOL,
			CelKind.LIST, CelKind.DYN);

	private final ExpressionCompiler expressions;

	private final List<String> tables;

	/** @param tables the names of the pipeline's tables, filled in before transforms are bound */
	JoinBinder(ExpressionCompiler expressions, List<String> tables) {
		this.expressions = expressions;
		this.tables = tables;
	}

	Bound<Step> bind(Node node, Schema in) {
		Schema out = new Schema(in.fields(), true, null);
		if (!node.isObjectWith(FIELDS)) {
			return Bound.of(Optional.empty(), out);
		}
		Optional<String> table = node.required("table").flatMap(Node::text);
		if (table.isPresent() && !tables.contains(table.get())) {
			node.field("table").report("undefined table '" + table.get() + "'" +
					Suggestions.hint(table.get(), tables, "defined tables"));
			table = Optional.empty();
		}
		Optional<Expression> on = node.required("on").flatMap(onNode -> expressions.compile(onNode, in))
			.filter(expression -> checkKeyType(node.field("on"), expression));
		JoinType type = node.optional("type").flatMap(typeNode -> typeNode.enumValue(JoinType.class))
			.orElse(JoinType.INNER);
		JoinMode mode = node.optional("mode").flatMap(modeNode -> modeNode.enumValue(JoinMode.class))
			.orElse(JoinMode.REACTIVE);
		if (table.isEmpty() || on.isEmpty()) {
			return Bound.of(Optional.empty(), out);
		}
		return Bound.of(Optional.of(new Step.Join(table.get(), on.get(), type, mode)), out);
	}

	private static boolean checkKeyType(Node node, Expression on) {
		if (KEY_KINDS.contains(on.resultType().kind())) {
			return true;
		}
		node.report("a join key must be a string, int, bool, or a list of them for a composite primary key, but \"" +
				on.text() + "\" is " + on.resultType().name() + "; e.g. on: customer_id");
		return false;
	}

}
