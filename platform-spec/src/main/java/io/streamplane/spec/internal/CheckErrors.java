package io.streamplane.spec.internal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cel.common.CelIssue;

/** Turns CEL type-check issues into messages that name the field or function and the fix. */
final class CheckErrors {

	private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'.*");

	private CheckErrors() {
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
					"strings extension (split, lowerAscii, upperAscii, trim, replace, substring, indexOf, join)";
		}
		return issue.getMessage().replaceAll(" \\(candidates: .*\\)$", "") + " in \"" + text + "\" at column " +
				(issue.getSourceLocation().getColumn() + 1);
	}

	private static String declared(Schema schema) {
		return schema.fields().isEmpty() ? Names.KEY : String.join(", ", schema.fields().keySet()) + ", " + Names.KEY;
	}

}
