package io.streamplane.spec.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import io.streamplane.spec.Expression;
import io.streamplane.spec.ExpressionEnvironment;
import io.streamplane.spec.RecordMetadata;

/**
 * Parses and type-checks a CEL expression against the schema of the records it sees. Record
 * fields are variables of their declared types, the record key is {@code key}. Over an open schema
 * every free identifier is declared {@code dyn}, so only syntax and unknown functions fail.
 */
final class ExpressionCompiler {

	private static final CelCompiler PARSER = ExpressionEnvironment.compilerBuilder().build();

	private final int maxLength;

	private final int maxComprehensionDepth;

	ExpressionCompiler(int maxLength, int maxComprehensionDepth) {
		this.maxLength = maxLength;
		this.maxComprehensionDepth = maxComprehensionDepth;
	}

	/** Compiles the string at {@code node}; reports every problem at its path. */
	Optional<Expression> compile(Node node, Schema schema) {
		return node.text().flatMap(text -> compile(node, text, schema));
	}

	/** Compiles {@code text}, reporting every problem at {@code node}'s path. */
	Optional<Expression> compile(Node node, String text, Schema schema) {
		if (text.length() > maxLength) {
			node.report("expression of " + text.length() + " characters is longer than the limit of " + maxLength +
					"; split it into several steps");
			return Optional.empty();
		}
		if (text.isBlank()) {
			node.report("expected a CEL expression, got an empty string");
			return Optional.empty();
		}
		CelValidationResult parsed = PARSER.parse(text);
		if (parsed.hasError()) {
			parsed.getErrors().forEach(issue -> node.report(syntaxError(text, issue)));
			return Optional.empty();
		}
		try {
			CelAbstractSyntaxTree parsedAst = parsed.getAst();
			if (!withinDepth(node, text, parsedAst)) {
				return Optional.empty();
			}
			Set<String> identifiers = FreeIdentifiers.of(parsedAst);
			CelValidationResult checked = compilerFor(identifiers, schema).check(parsedAst);
			if (checked.hasError()) {
				CheckErrors.describeAll(text, checked.getErrors(), identifiers, schema).forEach(node::report);
				return Optional.empty();
			}
			if (!MetaFields.check(node, text, checked.getAst(), schema)) {
				return Optional.empty();
			}
			return Optional.of(new Expression(text, checked.getAst()));
		}
		catch (CelValidationException ex) {
			node.report("invalid expression \"" + text + "\": " + ex.getMessage());
			return Optional.empty();
		}
	}

	private static CelCompiler compilerFor(Set<String> identifiers, Schema schema) {
		Map<String, CelType> variables = new LinkedHashMap<>(schema.fields());
		if (schema.open()) {
			identifiers.forEach(name -> variables.putIfAbsent(name, SimpleType.DYN));
		}
		variables.put(Names.KEY, SimpleType.DYN);
		if (!schema.fields().containsKey(RecordMetadata.VARIABLE)) {
			variables.put(RecordMetadata.VARIABLE, RecordMetadata.TYPE);
		}
		CelCompilerBuilder builder = ExpressionEnvironment.compilerBuilder();
		variables.forEach(builder::addVar);
		return builder.build();
	}

	private boolean withinDepth(Node node, String text, CelAbstractSyntaxTree ast) {
		int depth = Comprehensions.depth(ast);
		if (depth > maxComprehensionDepth) {
			node.report("expression \"" + abbreviate(text) + "\" nests " + depth + " comprehensions (map, filter, all, "
					+ "exists, exists_one) in each other, more than the limit of " + maxComprehensionDepth + "; nest at most "
					+ maxComprehensionDepth + " deep, e.g. compute the inner lists in an earlier set step");
			return false;
		}
		return true;
	}

	private static String abbreviate(String text) {
		return text.length() > 80 ? text.substring(0, 77) + "..." : text;
	}

	private static String syntaxError(String text, CelIssue issue) {
		return "syntax error in \"" + text + "\" at column " + (issue.getSourceLocation().getColumn() + 1) + ": " +
				issue.getMessage();
	}

}
