package io.streamplane.spec;

import java.util.Objects;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.CelType;

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

	@Override
	public String toString() {
		return text;
	}

}
