package io.streamplane.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import io.streamplane.spec.internal.FreeIdentifiers;

/**
 * A CEL expression of a spec, compiled and type-checked once, at validation. The engine builds its
 * program from {@link #ast()} with {@link ExpressionEnvironment#runtimeBuilder()} and never
 * re-parses {@link #text()}.
 * <p>
 * Expressions see the fields of the record as top-level variables ({@code amount > 0}) and the
 * record key as {@code key}.
 *
 * @param text the expression as written in the spec
 * @param ast the checked syntax tree
 */
public record Expression(String text, CelAbstractSyntaxTree ast) {

	public Expression {
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(ast, "ast");
		if (!ast.isChecked()) {
			throw new IllegalArgumentException("the syntax tree of '" + text + "' is not type-checked");
		}
	}

	/** The type the expression evaluates to; {@code dyn} when only known at run time. */
	public CelType resultType() {
		return ast.getResultType();
	}

	/**
	 * The variables the expression reads, each with the type it was checked against: record
	 * fields by name and {@code key} for the record key. The engine converts each field value to
	 * its type before evaluation, e.g. a JSON {@code 30} to {@code 30.0} for a {@code double} field.
	 */
	public Map<String, CelType> variables() {
		Set<String> names = FreeIdentifiers.of(ast);
		Map<String, CelType> variables = new LinkedHashMap<>();
		CelNavigableAst.fromAst(ast).getRoot().allNodes().map(CelNavigableExpr::expr)
			.filter(expr -> expr.getKind() == CelExpr.ExprKind.Kind.IDENT && names.contains(expr.ident().name()))
			.forEach(expr -> variables.putIfAbsent(expr.ident().name(), ast.getType(expr.id()).orElse(SimpleType.DYN)));
		return Collections.unmodifiableMap(variables);
	}

	@Override
	public String toString() {
		return text;
	}

}
