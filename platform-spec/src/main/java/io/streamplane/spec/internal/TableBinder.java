package io.streamplane.spec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.streamplane.spec.Table;
import io.streamplane.spec.TableSource;

/**
 * Binds one entry of {@code tables}: exactly one of {@code kafka} or {@code postgresCdc}, and a
 * {@code primaryKey} of distinct field names.
 */
final class TableBinder {

	private static final List<String> FIELDS = List.of("kafka", "postgresCdc", "primaryKey");

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	private TableBinder() {
	}

	static Optional<Table> bind(String name, Node node) {
		if (!node.isObjectWith(FIELDS)) {
			return Optional.empty();
		}
		int before = node.problems().count();
		Optional<TableSource> source = source(node);
		List<String> primaryKey = node.required("primaryKey").map(TableBinder::primaryKey).orElse(List.of());
		if (node.problems().count() > before || source.isEmpty() || primaryKey.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Table(name, source.get(), primaryKey));
	}

	private static Optional<TableSource> source(Node node) {
		if (node.has("kafka") == node.has("postgresCdc")) {
			node.report("a table reads either kafka: { topic: <topic> } or postgresCdc: { table: <schema.table> }; " +
					(node.has("kafka") ? "remove one" : "add one"));
			return Optional.empty();
		}
		if (node.has("kafka")) {
			return KafkaTopics.bind(node.field("kafka")).map(TableSource.Kafka::new);
		}
		Node cdc = node.field("postgresCdc");
		if (!cdc.isObjectWith(List.of("table"))) {
			return Optional.empty();
		}
		return cdc.required("table").flatMap(TableBinder::postgresTable);
	}

	private static Optional<TableSource> postgresTable(Node node) {
		Optional<String> text = node.text();
		if (text.isEmpty()) {
			return Optional.empty();
		}
		String[] parts = text.get().split("\\.", -1);
		boolean valid = parts.length <= 2 && List.of(parts).stream().allMatch(part -> IDENTIFIER.matcher(part).matches());
		if (!valid) {
			node.report("invalid PostgreSQL table \"" + text.get() + "\"; write <schema>.<table> or <table> (schema " +
					"public), each a letter or '_' then letters, digits or '_', e.g. public.users");
			return Optional.empty();
		}
		return Optional.of(parts.length == 2 ? new TableSource.PostgresCdc(parts[0], parts[1])
				: new TableSource.PostgresCdc("public", parts[0]));
	}

	private static List<String> primaryKey(Node node) {
		List<String> fields = new ArrayList<>();
		List<Node> elements = node.elements("a list of field names, e.g. [customer_id]");
		if (elements.isEmpty() && node.value().isArray()) {
			node.report("a primary key needs at least one field, e.g. primaryKey: [customer_id]");
		}
		for (Node element : elements) {
			Optional<String> name = element.text();
			if (name.isPresent() && !Names.isField(name.get())) {
				element.report("invalid field name '" + name.get() + "'; " + Names.FIELD_RULE);
			}
			else if (name.isPresent() && fields.contains(name.get())) {
				element.report("field '" + name.get() + "' is listed twice; list it once");
			}
			else {
				name.ifPresent(fields::add);
			}
		}
		return fields.size() == elements.size() ? fields : List.of();
	}

}
