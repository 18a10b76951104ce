package io.streamplane.spec.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cel.common.CelIssue;

/** Turns CEL type-check issues into messages that name the field or function and the fix. */
final class CheckErrors {

	private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'.*");

	private static final Set<String> NAMESPACES = Set.of("math", "lists", "sets", "strings");

	private CheckErrors() {
	}

	/**
	 * Describes every issue of one expression. An extension namespace reported as an undeclared
	 * variable ({@code lists} of an unknown {@code lists.range}) is left out when the unknown function
	 * itself is reported too.
	 */
	static List<String> describeAll(String text, List<CelIssue> issues, Set<String> identifiers, Schema schema) {
		List<String> messages = issues.stream()
			.filter(issue -> issues.size() == 1 || !namespaceReference(issue, schema))
			.map(issue -> describe(text, issue, identifiers, schema))
			.toList();
		return messages.isEmpty() ? issues.stream().map(issue -> describe(text, issue, identifiers, schema)).toList()
				: messages;
	}

	private static boolean namespaceReference(CelIssue issue, Schema schema) {
		Matcher undeclared = UNDECLARED.matcher(issue.getMessage());
		return undeclared.matches() && NAMESPACES.contains(undeclared.group(1)) &&
				!schema.fields().containsKey(undeclared.group(1));
	}

	static String describe(String text, CelIssue issue, Set<String> identifiers, Schema schema) {
		Matcher undeclared = UNDECLARED.matcher(issue.getMessage());
		if (undeclared.matches()) {
			String name = undeclared.group(1);
			if (identifiers.contains(name)) {
				return "undeclared reference to '" + name + "' (declared: " + declared(schema) + ")" +
						Suggestions.didYouMean(name, schema.fields().keySet());
			}
			return "unknown function '" + name + "' in \"" + text + "\"; use a standard CEL function or one of the " +
					"extensions: strings (split, lowerAscii, upperAscii, trim, replace, substring, indexOf, join), " +
					"math (math.abs, math.greatest, math.least, math.round, math.ceil, math.floor, ...), lists (distinct, " +
					"flatten, reverse, slice, sort, sortBy; not lists.range), sets (sets.contains, sets.equivalent, " +
					"sets.intersects)";
		}
		return issue.getMessage().replaceAll(" \\(candidates: .*\\)$", "") + " in \"" + text + "\" at column " +
				(issue.getSourceLocation().getColumn() + 1);
	}

	private static String declared(Schema schema) {
		return schema.fields().isEmpty() ? Names.KEY : String.join(", ", schema.fields().keySet()) + ", " + Names.KEY;
	}

}
