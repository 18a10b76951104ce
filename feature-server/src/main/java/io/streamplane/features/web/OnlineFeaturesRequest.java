package io.streamplane.features.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A {@code POST /features} request, in the shape of Feast's {@code get-online-features}: what to read
 * ({@code features} as {@code view:feature} references, or every feature of one {@code view}; Feast's
 * {@code feature_service} is read as a view name), for which entities (one list of keys per entity key
 * name, all of the same length, one row per position), and whether to answer {@code view__feature}
 * names. {@code as_of} (ISO-8601) reads the past, as the GET endpoint does.
 *
 * @param features {@code view:feature} references, empty when {@code view} is set
 * @param view the view whose features are all read, empty when {@code features} are listed
 * @param entities entity keys by entity key name, each list in row order, as strings
 * @param entityValues the same keys as sent (strings or integers), echoed in the response
 * @param fullFeatureNames whether response names are {@code view__feature} rather than {@code feature}
 * @param asOf the instant read, empty for the request time
 */
record OnlineFeaturesRequest(List<String> features, Optional<String> view, Map<String, List<String>> entities,
		Map<String, List<JsonNode>> entityValues, boolean fullFeatureNames, Optional<Instant> asOf) {

	private static final Set<String> FIELDS = Set.of("features", "feature_service", "view", "entities",
			"full_feature_names", "as_of", "request_context");

	private static final String EXAMPLE = "e.g. {\"features\": [\"user_clicks:clicks_5m\"], "
			+ "\"entities\": {\"user_id\": [\"u1\", \"u2\"]}}";

	/** Number of entity rows. */
	int rows() {
		return entities.values().iterator().next().size();
	}

	/**
	 * Reads a request, naming every problem with its field at once.
	 *
	 * @param maxEntities the largest number of entity rows accepted
	 * @throws FeatureRequestException (400) if the request is malformed or has more rows than {@code maxEntities}
	 */
	static OnlineFeaturesRequest parse(JsonNode body, int maxEntities) {
		if (body == null || !body.isObject()) {
			throw invalid(List.of("the body must be a JSON object, " + EXAMPLE));
		}
		List<String> problems = new ArrayList<>();
		body.propertyNames().stream().filter(name -> !FIELDS.contains(name)).sorted()
			.forEach(name -> problems.add(name + ": unknown field; allowed are " + FIELDS.stream().sorted().toList()));
		List<String> features = features(body.get("features"), problems);
		Optional<String> view = view(body, problems);
		if (features.isEmpty() == view.isEmpty()) {
			problems.add("features: send either features (a list of view:feature) or view (a view name), " + EXAMPLE);
		}
		Map<String, List<JsonNode>> values = new LinkedHashMap<>();
		Map<String, List<String>> entities = entities(body.get("entities"), maxEntities, values, problems);
		boolean fullNames = flag(body.get("full_feature_names"), problems);
		Optional<Instant> asOf = asOf(body.get("as_of"), problems);
		JsonNode context = body.get("request_context");
		if (context != null && !context.isNull() && !(context.isObject() && context.isEmpty())) {
			problems.add("request_context: on-demand features are not served; leave it out or send {}");
		}
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		return new OnlineFeaturesRequest(features, view, entities, values, fullNames, asOf);
	}

	private static List<String> features(JsonNode node, List<String> problems) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray() || node.isEmpty()) {
			problems.add("features: must be a non-empty list of \"view:feature\" strings");
			return List.of();
		}
		List<String> features = new ArrayList<>(node.size());
		for (int i = 0; i < node.size(); i++) {
			JsonNode feature = node.get(i);
			String text = feature.isString() ? feature.stringValue() : null;
			int colon = text == null ? -1 : text.indexOf(':');
			if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
				problems.add("features[" + i + "]: must be \"view:feature\", e.g. \"user_clicks:clicks_5m\", got " + feature);
			}
			else {
				features.add(text);
			}
		}
		return features;
	}

	private static Optional<String> view(JsonNode body, List<String> problems) {
		JsonNode view = body.get("view");
		String field = "view";
		if (view == null || view.isNull()) {
			view = body.get("feature_service");
			field = "feature_service";
		}
		else if (body.hasNonNull("feature_service")) {
			problems.add("feature_service: send view or feature_service, not both");
		}
		if (view == null || view.isNull()) {
			return Optional.empty();
		}
		if (!view.isString() || view.stringValue().isBlank()) {
			problems.add(field + ": must be the name of a view, got " + view);
			return Optional.empty();
		}
		return Optional.of(view.stringValue());
	}

	private static Map<String, List<String>> entities(JsonNode node, int maxEntities,
			Map<String, List<JsonNode>> values, List<String> problems) {
		if (node == null || !node.isObject() || node.isEmpty()) {
			problems.add("entities: must be an object of entity key lists, e.g. {\"user_id\": [\"u1\", \"u2\"]}");
			return Map.of();
		}
		Map<String, List<String>> entities = new LinkedHashMap<>();
		int rows = -1;
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			String path = "entities." + entry.getKey();
			JsonNode keys = entry.getValue();
			if (!keys.isArray() || keys.isEmpty()) {
				problems.add(path + ": must be a non-empty list of entity keys (strings or integers)");
				continue;
			}
			if (keys.size() > maxEntities) {
				problems.add(path + ": " + keys.size() + " entities is more than the " + maxEntities
						+ " one request may read (streamplane.feature-server.max-entities-per-request); split the request");
				continue;
			}
			if (rows >= 0 && keys.size() != rows) {
				problems.add(path + ": has " + keys.size() + " keys but the other entity lists have " + rows
						+ "; every list holds one key per row");
			}
			rows = Math.max(rows, keys.size());
			entities.put(entry.getKey(), keys(path, keys, values, entry.getKey(), problems));
		}
		return entities;
	}

	private static List<String> keys(String path, JsonNode keys, Map<String, List<JsonNode>> values, String name,
			List<String> problems) {
		List<String> strings = new ArrayList<>(keys.size());
		List<JsonNode> sent = new ArrayList<>(keys.size());
		for (int i = 0; i < keys.size(); i++) {
			JsonNode key = keys.get(i);
			if (key.isString() && !key.stringValue().isEmpty()) {
				strings.add(key.stringValue());
			}
			else if (key.isIntegralNumber()) {
				strings.add(key.asString());
			}
			else {
				problems.add(path + "[" + i + "]: must be a non-empty string or an integer, got " + key);
			}
			sent.add(key);
		}
		values.put(name, sent);
		return strings;
	}

	private static boolean flag(JsonNode node, List<String> problems) {
		if (node == null || node.isNull()) {
			return false;
		}
		if (!node.isBoolean()) {
			problems.add("full_feature_names: must be true or false, got " + node);
			return false;
		}
		return node.booleanValue();
	}

	private static Optional<Instant> asOf(JsonNode node, List<String> problems) {
		if (node == null || node.isNull()) {
			return Optional.empty();
		}
		Optional<Instant> instant = node.isString() ? AsOf.parse(node.stringValue()) : Optional.empty();
		if (instant.isEmpty()) {
			problems.add(AsOf.problem(node.toString()));
		}
		return instant;
	}

	private static FeatureRequestException invalid(List<String> problems) {
		return new FeatureRequestException(FeatureProblems.invalidRequest(String.join("; ", problems)));
	}

}
