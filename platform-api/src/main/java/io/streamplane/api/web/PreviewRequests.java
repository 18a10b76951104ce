package io.streamplane.api.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.streamplane.engine.preview.PipelinePreview;
import io.streamplane.engine.preview.PreviewInput;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import io.streamplane.spec.SpecValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a preview request, {@code {"spec": <spec object or YAML text>, "inputs": [<records>]}},
 * reporting every malformed part with its path. An input is a record of a topic,
 * {@code {"topic", "key", "value", "timestamp"}}, or a change of a table,
 * {@code {"table", "key", "value"}} or {@code {"table", "key", "op": "delete"}}, whose key is the
 * row's primary key: a JSON scalar, or an object of the primary-key fields.
 */
final class PreviewRequests {

	private static final Set<String> REQUEST_FIELDS = Set.of("spec", "inputs");

	private static final Set<String> INPUT_FIELDS = Set.of("topic", "key", "value", "timestamp");

	private static final Set<String> TABLE_INPUT_FIELDS = Set.of("table", "key", "value", "op");

	private final SpecReader specs;

	private final JsonMapper json;

	PreviewRequests(SpecReader specs, JsonMapper json) {
		this.specs = specs;
		this.json = json;
	}

	/** The parsed request. */
	record PreviewRequest(PipelineSpec spec, List<PreviewInput> inputs) {
	}

	PreviewRequest read(String body) {
		JsonNode root = parse(body);
		List<FieldError> errors = new ArrayList<>();
		root.propertyNames().forEach(name -> {
			if (!REQUEST_FIELDS.contains(name)) {
				errors.add(new FieldError(name, "unknown field '" + name + "'; allowed: spec, inputs"));
			}
		});
		List<PreviewInput> inputs = inputs(root.path("inputs"), errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return new PreviewRequest(spec(root.path("spec")), inputs);
	}

	private JsonNode parse(String body) {
		try {
			JsonNode root = json.readTree(body);
			if (root == null || !root.isObject()) {
				throw InvalidRequestException.of("",
						"expected a JSON object {\"spec\": ..., \"inputs\": [...]}, got " + describe(root));
			}
			return root;
		}
		catch (JacksonException ex) {
			throw InvalidRequestException.of("", "malformed JSON: " + ex.getOriginalMessage());
		}
	}

	private PipelineSpec spec(JsonNode spec) {
		if (spec.isString()) {
			try {
				return specs.read(spec.asString(), SpecFormat.YAML).spec();
			}
			catch (SpecValidationException ex) {
				throw InvalidSpecException.located(ex, spec.asString(), SpecFormat.YAML);
			}
		}
		if (spec.isObject()) {
			return specs.read(spec).spec();
		}
		throw InvalidRequestException.of("spec",
				"expected the pipeline spec as a JSON object or as YAML text, got " + describe(spec));
	}

	private static List<PreviewInput> inputs(JsonNode inputs, List<FieldError> errors) {
		if (!inputs.isArray()) {
			errors.add(new FieldError("inputs", "expected a list of records like {\"topic\": \"payments\", "
					+ "\"key\": \"u1\", \"value\": {...}}, got " + describe(inputs)));
			return List.of();
		}
		if (inputs.size() > PipelinePreview.MAX_INPUTS) {
			errors.add(new FieldError("inputs", "a preview takes at most " + PipelinePreview.MAX_INPUTS
					+ " records, got " + inputs.size() + "; preview on a sample"));
			return List.of();
		}
		List<PreviewInput> records = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			input(inputs.get(i), "inputs[" + i + "]", errors).ifPresent(records::add);
		}
		return records;
	}

	private static Optional<PreviewInput> input(JsonNode input, String path, List<FieldError> errors) {
		int before = errors.size();
		if (!input.isObject()) {
			errors.add(new FieldError(path, "expected a record object with topic, key, value, got " + describe(input)));
			return Optional.empty();
		}
		if (input.has("table")) {
			return tableChange(input, path, errors);
		}
		input.propertyNames().forEach(name -> {
			if (!INPUT_FIELDS.contains(name)) {
				errors.add(new FieldError(path + "." + name, "unknown field '" + name + "'; allowed: topic, key, value, timestamp"));
			}
		});
		if (!input.path("topic").isString()) {
			errors.add(new FieldError(path + ".topic", "expected the topic name as a string, got " + describe(input.get("topic"))));
		}
		JsonNode key = input.path("key");
		if (!key.isMissingNode() && !key.isNull() && !key.isString()) {
			errors.add(new FieldError(path + ".key", "expected a string or null, got " + describe(key)));
		}
		if (!input.has("value")) {
			errors.add(new FieldError(path + ".value", "missing the record value"));
		}
		Long timestamp = timestamp(input.path("timestamp"), path + ".timestamp", errors);
		if (errors.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new PreviewInput(input.get("topic").asString(), key.isString() ? key.asString() : null,
				input.get("value"), timestamp));
	}

	private static Optional<PreviewInput> tableChange(JsonNode input, String path, List<FieldError> errors) {
		int before = errors.size();
		input.propertyNames().forEach(name -> {
			if (!TABLE_INPUT_FIELDS.contains(name)) {
				errors.add(new FieldError(path + "." + name, "unknown field '" + name + "'; a table change has table, key, "
						+ "and value or \"op\": \"delete\""));
			}
		});
		if (!input.path("table").isString()) {
			errors.add(new FieldError(path + ".table", "expected the table name as a string, got " + describe(input.get("table"))));
		}
		JsonNode key = input.path("key");
		if (!key.isValueNode() && !key.isObject() || key.isNull()) {
			errors.add(new FieldError(path + ".key", "expected the row's primary key: a string, a number or an object of "
					+ "the primary-key fields, got " + describe(input.get("key"))));
		}
		boolean delete = input.has("op");
		if (delete && !"delete".equals(input.path("op").asString(null))) {
			errors.add(new FieldError(path + ".op", "expected \"delete\", got " + describe(input.get("op"))));
		}
		if (delete == input.has("value")) {
			errors.add(new FieldError(path, "a table change has either a value (the new row) or \"op\": \"delete\""));
		}
		if (errors.size() > before) {
			return Optional.empty();
		}
		return Optional.of(PreviewInput.tableChange(input.get("table").asString(), PreviewInput.tableKey(key),
				delete ? null : input.get("value")));
	}

	private static Long timestamp(JsonNode timestamp, String path, List<FieldError> errors) {
		if (timestamp.isMissingNode() || timestamp.isNull()) {
			return null;
		}
		if (timestamp.isIntegralNumber()) {
			return timestamp.asLong();
		}
		if (timestamp.isString()) {
			try {
				return Instant.parse(timestamp.asString()).toEpochMilli();
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldError(path, "expected epoch milliseconds or an ISO-8601 instant like "
						+ "2026-01-01T00:00:00Z, got \"" + timestamp.asString() + "\" (" + ex.getMessage() + ")"));
				return null;
			}
		}
		errors.add(new FieldError(path, "expected epoch milliseconds or an ISO-8601 instant like "
				+ "2026-01-01T00:00:00Z, got " + describe(timestamp)));
		return null;
	}

	private static String describe(JsonNode node) {
		if (node == null || node.isMissingNode()) {
			return "nothing";
		}
		return node.getNodeType().name().toLowerCase() + " " + abbreviate(node.toString());
	}

	private static String abbreviate(String text) {
		return text.length() > 60 ? text.substring(0, 57) + "..." : text;
	}

}
