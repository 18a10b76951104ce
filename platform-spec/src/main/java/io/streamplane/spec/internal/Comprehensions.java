package io.streamplane.spec.internal;

import java.util.stream.Stream;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.cel.common.navigation.CelNavigableExpr;

/**
 * How deeply an expression nests comprehensions: the macros {@code map}, {@code filter}, {@code all},
 * {@code exists} and {@code exists_one} expand to one each. A comprehension in another's loop body
 * runs once per outer iteration, so the work multiplies with this depth and it is bounded at
 * validation; chained ones ({@code items.filter(...).map(...)}) run one after the other and count once.
 */
final class Comprehensions {

	private Comprehensions() {
	}

	/** The largest number of comprehensions nested in each other's loop bodies, 0 for none. */
	static int depth(CelAbstractSyntaxTree ast) {
		return depth(ast.getExpr());
	}

	private static int depth(CelExpr expr) {
		if (expr.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
			CelComprehension loop = expr.comprehension();
			int body = 1 + Math.max(depth(loop.loopCondition()), depth(loop.loopStep()));
			return Stream.of(loop.iterRange(), loop.accuInit(), loop.result()).mapToInt(Comprehensions::depth)
				.reduce(body, Math::max);
		}
		return CelNavigableExpr.fromExpr(expr).children().mapToInt(child -> depth(child.expr())).max().orElse(0);
	}

}
