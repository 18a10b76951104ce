package io.streamplane.spec.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import io.streamplane.spec.EventTime;
import io.streamplane.spec.Expression;
import io.streamplane.spec.FieldType;
import io.streamplane.spec.KafkaTopic;
import io.streamplane.spec.Source;

/** Binds one entry of {@code sources}. */
final class SourceBinder {

	private static final List<String> FIELDS = List.of("kafka", "key", "eventTime", "lateness", "fields");

	private final ExpressionCompiler expressions;

	SourceBinder(ExpressionCompiler expressions) {
		this.expressions = expressions;
	}

	/** The fields the source declares, in order; reports bad names and types. Empty when none. */
	Map<String, FieldType> fields(Node node) {
		Map<String, FieldType> fields = new LinkedHashMap<>();
		if (!node.value().isObject() || !node.has("fields")) {
			return fields;
		}
		for (Map.Entry<String, Node> entry : node.field("fields").entries("an object of field: type")) {
			String name = entry.getKey();
			Node typeNode = entry.getValue();
			if (!Names.isField(name)) {
				typeNode.report("invalid field name '" + name + "'; " + Names.FIELD_RULE);
			}
			else if (name.equals(Names.KEY)) {
				typeNode.report("'key' is reserved for the record key, which expressions read as key; rename the field");
			}
			fields.put(name, typeNode.enumValue(FieldType.class).orElse(FieldType.ANY));
		}
		return fields;
	}

	/** The schema of records with the declared fields; open when none are declared. */
	static Schema schema(Map<String, FieldType> fields) {
		if (fields.isEmpty()) {
			return Schema.dynamic();
		}
		Map<String, CelType> types = new LinkedHashMap<>();
		fields.forEach((name, type) -> types.put(name, type.celType()));
		return Schema.closed(types);
	}

	Optional<Source> bind(String name, Node node, Map<String, FieldType> fields, Schema schema) {
		if (!node.isObjectWith(FIELDS)) {
			return Optional.empty();
		}
		int before = node.problems().count();
		Optional<KafkaTopic> kafka = node.required("kafka").flatMap(KafkaTopics::bind);
		Optional<Expression> key = node.optional("key").flatMap(keyNode -> expressions.compile(keyNode, schema));
		EventTime eventTime = node.optional("eventTime").flatMap(timeNode -> eventTime(timeNode, schema))
			.orElse(EventTime.recordTimestamp());
		Duration lateness = node.optional("lateness").flatMap(Node::duration).orElse(Duration.ZERO);
		if (node.problems().count() > before || kafka.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Source(name, kafka.get(), key, eventTime, lateness, fields));
	}

	private Optional<EventTime> eventTime(Node node, Schema schema) {
		if (!node.isObjectWith(List.of("field", "unit", "expression"))) {
			return Optional.empty();
		}
		if (node.has("expression")) {
			if (node.has("field") || node.has("unit")) {
				node.report("event time is either { field, unit } or { expression }, not both; remove one");
				return Optional.empty();
			}
			return node.required("expression").flatMap(expressionNode -> computed(expressionNode, schema));
		}
		Optional<String> field = node.required("field").flatMap(Node::text);
		Optional<EventTime.Unit> unit = node.required("unit").flatMap(unitNode -> unitNode.enumValue(EventTime.Unit.class));
		if (field.isPresent() && schema.type(field.get()).isEmpty()) {
			node.field("field").report(Fields.undeclared(field.get(), schema));
			return Optional.empty();
		}
		if (field.isEmpty() || unit.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(EventTime.field(field.get(), unit.get()));
	}

	private Optional<EventTime> computed(Node node, Schema schema) {
		Optional<Expression> expression = expressions.compile(node, schema);
		CelKind kind = expression.map(value -> value.resultType().kind()).orElse(CelKind.DYN);
		if (kind != CelKind.TIMESTAMP && kind != CelKind.DYN) {
			node.report("an event-time expression must be a timestamp, but \"" + expression.get().text() + "\" is " +
					expression.get().resultType().name() + "; e.g. \"timestamp(ts)\"");
			return Optional.empty();
		}
		return expression.map(EventTime::computed);
	}

}
