package io.streamplane.spec.internal;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import io.streamplane.spec.RecordMetadata;

/**
 * Checks that an expression reads only fields {@code meta} has ({@code meta.timestamp},
 * {@code meta.key}, ...), unless a record field named {@code meta} hides the metadata.
 */
final class MetaFields {

	private MetaFields() {
	}

	/** Reports each unknown field of {@code meta} the expression selects; whether there were none. */
	static boolean check(Node node, String text, CelAbstractSyntaxTree ast, Schema schema) {
		if (schema.fields().containsKey(RecordMetadata.VARIABLE)) {
			return true;
		}
		boolean valid = true;
		for (CelExpr expr : CelNavigableAst.fromAst(ast).getRoot().allNodes().map(CelNavigableExpr::expr).toList()) {
			if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT
					&& expr.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT
					&& expr.select().operand().ident().name().equals(RecordMetadata.VARIABLE)
					&& !RecordMetadata.FIELDS.contains(expr.select().field())) {
				node.report("meta has no field '" + expr.select().field() + "' in \"" + text + "\"" +
						Suggestions.hint(expr.select().field(), RecordMetadata.FIELDS, "the fields of meta"));
				valid = false;
			}
		}
		return valid;
	}

}
