package io.streamplane.spec.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The naming rules of specs, each with the message that explains it. */
final class Names {

	static final String PIPELINE_RULE = "a pipeline name is a DNS label: 1 to 63 characters among lowercase " +
			"letters, digits and '-', starting and ending with a letter or digit, e.g. merchant-revenue";

	static final String NODE_RULE = "names of sources and transforms have 1 to 63 characters among letters, " +
			"digits, '_' and '-', starting with a letter, e.g. revenue_1m";

	static final String FIELD_RULE = "field names start with a letter or '_' and continue with letters, " +
			"digits or '_', e.g. is_high_value";

	static final String TOPIC_RULE = "Kafka topic names have 1 to 249 characters among letters, digits, " +
			"'.', '_' and '-', and are not '.' or '..'";

	/** The CEL variable holding the record key. */
	static final String KEY = "key";

	private static final Pattern PIPELINE = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern NODE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");

	private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

	private static final Set<String> CEL_RESERVED = Set.of("true", "false", "null", "in", "as", "break", "const",
			"continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return",
			"var", "void", "while");

	private Names() {
	}

	static boolean isPipeline(String name) {
		return PIPELINE.matcher(name).matches();
	}

	static boolean isNode(String name) {
		return NODE.matcher(name).matches();
	}

	static boolean isField(String name) {
		return FIELD.matcher(name).matches() && !CEL_RESERVED.contains(name);
	}

	/**
	 * Whether {@code node} holds a valid name of a view or index, not among {@code names}, which it joins;
	 * reports why not at {@code node}.
	 * @param kind what is named, e.g. {@code view}
	 * @param example a valid name for the message
	 */
	static boolean checkUnique(Node node, String name, List<String> names, String kind, String example) {
		if (!isNode(name)) {
			node.report("invalid " + kind + " name '" + name + "'; " + kind + " names have 1 to 63 characters among " +
					"letters, digits, '_' and '-', starting with a letter, e.g. " + example);
			return false;
		}
		if (names.contains(name)) {
			node.report(kind + " '" + name + "' is defined twice; " + kind + " names are unique, rename one");
			return false;
		}
		names.add(name);
		return true;
	}

	static boolean isTopic(String name) {
		return TOPIC.matcher(name).matches() && !name.equals(".") && !name.equals("..");
	}

}
