package io.streamplane.spec.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;

/** The identifiers an expression reads from its environment: every name but comprehension variables. */
public final class FreeIdentifiers {

	private FreeIdentifiers() {
	}

	/** The free identifiers of a parsed or checked syntax tree, in order of appearance. */
	public static Set<String> of(CelAbstractSyntaxTree parsed) {
		Set<String> identifiers = new LinkedHashSet<>();
		Set<String> bound = new LinkedHashSet<>();
		CelNavigableAst.fromAst(parsed).getRoot().allNodes().map(CelNavigableExpr::expr).forEach(expr -> {
			if (expr.getKind() == CelExpr.ExprKind.Kind.IDENT) {
				identifiers.add(expr.ident().name());
			}
			else if (expr.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
				bound.add(expr.comprehension().iterVar());
				bound.add(expr.comprehension().iterVar2());
				bound.add(expr.comprehension().accuVar());
			}
		});
		identifiers.removeAll(bound);
		return identifiers;
	}

}
