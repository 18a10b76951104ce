package io.streamplane.spec.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text between an aggregate call's parentheses at its top-level commas: commas inside
 * brackets, braces, parentheses and string literals belong to the argument they are in.
 */
final class CallArguments {

	private CallArguments() {
	}

	/** The arguments, stripped; none for blank text. */
	static List<String> split(String text) {
		List<String> arguments = new ArrayList<>();
		if (text.isBlank()) {
			return arguments;
		}
		int depth = 0;
		int start = 0;
		char quote = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == '\\') {
					i++;
				}
				else if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '(' || c == '[' || c == '{') {
				depth++;
			}
			else if (c == ')' || c == ']' || c == '}') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				arguments.add(text.substring(start, i).strip());
				start = i + 1;
			}
		}
		arguments.add(text.substring(start).strip());
		return arguments;
	}

}
