package io.streamplane.spec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Binds a list of distinct field names that the records of a schema have, e.g. an index's {@code metadata}. */
final class Columns {

	private Columns() {
	}

	/**
	 * The field names, or an empty list when any is wrong (each problem reported at its element).
	 * @param what what the list is, for messages, e.g. {@code metadata}
	 */
	static List<String> bind(Node node, Schema schema, String what) {
		List<Node> elements = node.elements("a list of field names, e.g. " + what + ": [category, author]");
		if (elements.isEmpty() && node.value().isArray()) {
			node.report(what + " needs at least one field, e.g. " + what + ": [category]; or leave it out");
		}
		List<String> fields = new ArrayList<>();
		boolean valid = true;
		for (Node element : elements) {
			Optional<String> name = element.text();
			if (name.isPresent() && !Names.isField(name.get())) {
				element.report("invalid field name '" + name.get() + "'; " + Names.FIELD_RULE);
				valid = false;
			}
			else if (name.isPresent() && fields.contains(name.get())) {
				element.report("field '" + name.get() + "' is listed twice; list it once");
				valid = false;
			}
			else if (name.isPresent() && schema.type(name.get()).isEmpty()) {
				element.report(Fields.undeclared(name.get(), schema));
				valid = false;
			}
			name.ifPresent(fields::add);
			valid &= name.isPresent();
		}
		return valid ? fields : List.of();
	}

}
