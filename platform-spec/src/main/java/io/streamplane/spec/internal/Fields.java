package io.streamplane.spec.internal;

/** Checks on field names that steps create or refer to. */
final class Fields {

	private Fields() {
	}

	/** Whether {@code name} may be given to a new field; reports why not at {@code node}. */
	static boolean checkNew(Node node, String name) {
		if (!Names.isField(name)) {
			node.report("invalid field name '" + name + "'; " + Names.FIELD_RULE);
			return false;
		}
		if (name.equals(Names.KEY)) {
			node.report("'key' is reserved for the record key; choose another field name");
			return false;
		}
		return true;
	}

	/** The message for a field the schema does not declare. */
	static String undeclared(String name, Schema schema) {
		return "unknown field '" + name + "'" + Suggestions.didYouMean(name, schema.fields().keySet()) +
				" (declared: " + String.join(", ", schema.fields().keySet()) + ")";
	}

}
