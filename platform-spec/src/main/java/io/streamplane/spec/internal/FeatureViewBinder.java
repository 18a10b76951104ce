package io.streamplane.spec.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.FeatureDefinition;
import io.streamplane.spec.FeatureView;

/**
 * Binds the {@code features} list: each view's stream, entity field, tile size, ttl and features,
 * reporting every problem at its path.
 */
final class FeatureViewBinder {

	private static final List<String> FIELDS = List.of("name", "from", "entity", "keyedByEntity", "tileSize", "ttl",
			"features");

	private static final List<String> FEATURE_FIELDS = List.of("aggregate", "window");

	private static final String NAME_RULE = "names have 1 to 63 characters among letters, digits, '_' and '-', " +
			"starting with a letter, e.g. user_clicks";

	private final AggregationBinder aggregations;

	private final WindowLimits windows;

	FeatureViewBinder(ExpressionCompiler expressions, WindowLimits windows) {
		this.aggregations = new AggregationBinder(expressions);
		this.windows = windows;
	}

	/**
	 * @param defined the names of the streams a view may read: sources and transforms that are not tables
	 * @param schemas the schema of each source and transform's records
	 */
	List<FeatureView> bind(Optional<Node> node, List<String> defined, Map<String, Schema> schemas) {
		List<Node> elements = node.map(n -> n.elements("a list of feature views")).orElse(List.of());
		List<String> names = new ArrayList<>();
		List<FeatureView> views = new ArrayList<>();
		for (Node element : elements) {
			view(element, defined, schemas, names).ifPresent(views::add);
		}
		return views;
	}

	private Optional<FeatureView> view(Node node, List<String> defined, Map<String, Schema> schemas, List<String> names) {
		if (!node.isObjectWith(FIELDS)) {
			return Optional.empty();
		}
		int before = node.problems().count();
		Optional<String> name = node.required("name").flatMap(Node::text).filter(text -> Names.checkUnique(node.field("name"), text, names, "view", "user_clicks"));
		Optional<String> from = node.required("from").flatMap(Node::text).filter(text -> checkFrom(node, text, defined));
		Schema schema = from.map(schemas::get).orElse(Schema.dynamic());
		Optional<String> entity = node.required("entity").flatMap(Node::text).filter(text -> checkEntity(node, text, schema));
		Duration tileSize = node.optional("tileSize").flatMap(Node::positiveDuration).orElse(FeatureView.DEFAULT_TILE_SIZE);
		Optional<Duration> ttl = node.optional("ttl").flatMap(Node::positiveDuration);
		boolean keyedByEntity = node.optional("keyedByEntity").flatMap(Node::bool).orElse(false);
		Map<String, FeatureDefinition> features = features(node.required("features"), schema, tileSize);
		if (node.problems().count() > before || name.isEmpty() || from.isEmpty() || entity.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new FeatureView(name.get(), from.get(), entity.get(), tileSize, ttl, features,
				keyedByEntity));
	}

	private static boolean checkFrom(Node node, String from, List<String> defined) {
		if (!defined.contains(from)) {
			node.field("from").report("undefined input '" + from + "'" +
					Suggestions.hint(from, defined, "streams (sources and transforms that are not tables)"));
			return false;
		}
		return true;
	}

	private static boolean checkEntity(Node node, String entity, Schema schema) {
		if (!Names.isField(entity)) {
			node.field("entity").report("expected the name of the field holding the entity key, e.g. user_id; " +
					Names.FIELD_RULE);
			return false;
		}
		if (schema.type(entity).isEmpty()) {
			node.field("entity").report(Fields.undeclared(entity, schema));
			return false;
		}
		return true;
	}

	private Map<String, FeatureDefinition> features(Optional<Node> node, Schema schema, Duration tileSize) {
		Map<String, FeatureDefinition> features = new LinkedHashMap<>();
		List<Map.Entry<String, Node>> entries = node.map(n -> n.entries("an object of feature name: " +
				"{ aggregate, window }")).orElse(List.of());
		if (entries.isEmpty() && node.isPresent() && node.get().value().isObject()) {
			node.get().report("a view needs at least one feature, e.g. clicks_5m: { aggregate: \"count()\", window: 5m }");
		}
		for (Map.Entry<String, Node> entry : entries) {
			feature(entry.getKey(), entry.getValue(), schema, tileSize).ifPresent(f -> features.put(f.name(), f));
		}
		return features;
	}

	private Optional<FeatureDefinition> feature(String name, Node node, Schema schema, Duration tileSize) {
		if (!Names.isNode(name)) {
			node.report("invalid feature name '" + name + "'; feature " + NAME_RULE);
		}
		if (!node.isObjectWith(FEATURE_FIELDS)) {
			return Optional.empty();
		}
		Optional<Aggregation> aggregate = node.required("aggregate")
			.flatMap(a -> a.text().flatMap(text -> aggregations.aggregation(a, name, text, schema)))
			.filter(a -> mergeable(node.field("aggregate"), a));
		Optional<Duration> window = node.required("window").flatMap(windows::size)
			.filter(w -> multipleOfTile(node.field("window"), w, tileSize));
		if (aggregate.isEmpty() || window.isEmpty() || !Names.isNode(name)) {
			return Optional.empty();
		}
		return Optional.of(new FeatureDefinition(name, aggregate.get().function(), aggregate.get().argument(), window.get(),
				aggregate.get().decimal()));
	}

	private static boolean mergeable(Node node, Aggregation aggregation) {
		if (aggregation.function() == AggregateFunction.COLLECT) {
			node.report("collect() cannot be a feature: its tiles would grow without bound; use count(), sum, min, max, " +
					"avg, first, last or count_distinct (approximate)");
			return false;
		}
		if (aggregation.function() == AggregateFunction.PREVIOUS) {
			node.report("previous(x) cannot be a feature: a feature aggregates a window; use last(x)");
			return false;
		}
		if (aggregation.condition().isPresent()) {
			node.report("a feature takes no condition; filter the stream in a transform before the view, or compute " +
					"the conditional value there, e.g. set: { us_amount: \"country == 'US' ? amount : 0.0\" }");
			return false;
		}
		return true;
	}

	private static boolean multipleOfTile(Node node, Duration window, Duration tileSize) {
		if (window.toMillis() % tileSize.toMillis() != 0) {
			node.report("window " + node.value().stringValue() + " is not a multiple of the tile size " + tileSize.toString()
				.substring(2).toLowerCase() + "; make it a multiple, or choose a smaller tileSize");
			return false;
		}
		return true;
	}

}
