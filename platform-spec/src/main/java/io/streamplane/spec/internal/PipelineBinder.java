package io.streamplane.spec.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.streamplane.spec.FeatureView;
import io.streamplane.spec.FieldType;
import io.streamplane.spec.Output;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.Processing;
import io.streamplane.spec.SpecLimits;
import io.streamplane.spec.Source;
import io.streamplane.spec.Table;
import io.streamplane.spec.Transform;
import io.streamplane.spec.VectorIndex;

/**
 * Binds a whole spec tree to the model in one pass that goes on past every problem: sources,
 * then transforms in data-flow order (so each sees its inputs' schemas), then outputs, feature
 * views, indexes and processing settings.
 */
final class PipelineBinder {

	private static final List<String> FIELDS = List.of("name", "description", "sources", "tables", "transforms",
			"outputs", "features", "indexes", "processing");

	private final SpecLimits limits;

	private final SourceBinder sourceBinder;

	private final TransformBinder transformBinder;

	private final FeatureViewBinder featureViewBinder;

	private final IndexBinder indexBinder;

	private final Map<String, Schema> schemas = new LinkedHashMap<>();

	private final List<String> defined = new ArrayList<>();

	private final List<String> tableNames = new ArrayList<>();

	private final Set<String> tableValued = new HashSet<>();

	private final Map<String, IndexedRows> indexedRows = new LinkedHashMap<>();

	PipelineBinder(SpecLimits limits, ExpressionCompiler expressions) {
		this.limits = limits;
		this.sourceBinder = new SourceBinder(expressions);
		this.transformBinder = new TransformBinder(expressions, new WindowLimits(limits), limits.maxSteps(), tableNames,
				new JoinableStreams(defined, schemas, tableValued));
		this.featureViewBinder = new FeatureViewBinder(expressions, new WindowLimits(limits));
		this.indexBinder = new IndexBinder(expressions);
	}

	/** The model, or empty when {@code root} has problems, all reported. */
	Optional<PipelineSpec> bind(Node root) {
		if (!root.isObjectWith(FIELDS)) {
			return Optional.empty();
		}
		int before = root.problems().count();
		Optional<String> name = root.required("name").flatMap(PipelineBinder::pipelineName);
		String description = root.optional("description").flatMap(Node::text).orElse("");
		boolean tables = root.has("tables");
		Map<String, Source> sources = sources(tables ? root.optional("sources") : root.required("sources"), tables);
		Map<String, Table> tableSpecs = tables(root.optional("tables"));
		Map<String, Transform> transforms = transforms(root.optional("transforms"));
		List<Output> outputs = outputs(root.optional("outputs"));
		List<FeatureView> features = featureViewBinder.bind(root.optional("features"), streams(), schemas);
		List<VectorIndex> indexes = indexBinder.bind(root.optional("indexes"), indexedRows, schemas);
		if (!root.has("outputs") && !root.has("features") && !root.has("indexes")) {
			root.field("outputs").report("a pipeline needs at least one output, feature view or index, e.g. outputs: " +
					"[{ from: enriched, kafka: { topic: out } }]");
		}
		Processing processing = ProcessingBinder.bind(root.optional("processing"), name.orElse("pipeline"));
		TopicRules.check(root, sources, tableSpecs, processing);
		if (root.problems().count() > before || name.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new PipelineSpec(name.get(), description, sources, transforms, outputs, processing, tableSpecs,
				features, indexes));
	}

	private List<String> streams() {
		return defined.stream().filter(name -> !tableValued.contains(name)).toList();
	}

	private static Optional<String> pipelineName(Node node) {
		Optional<String> name = node.text();
		if (name.isPresent() && !Names.isPipeline(name.get())) {
			node.report("invalid pipeline name \"" + name.get() + "\"" +
					(name.get().length() > 63 ? " (" + name.get().length() + " characters)" : "") + "; " + Names.PIPELINE_RULE);
			return Optional.empty();
		}
		return name;
	}

	private Map<String, Source> sources(Optional<Node> node, boolean tables) {
		Map<String, Source> sources = new LinkedHashMap<>();
		List<Map.Entry<String, Node>> entries = node.map(n -> n.entries("an object of source name: source")).orElse(List.of());
		node.ifPresent(n -> checkCount(n, "sources", entries.size(), limits.maxSources()));
		if (entries.isEmpty() && !tables && node.isPresent() && node.get().value().isObject()) {
			node.get().report("a pipeline needs at least one source or table, e.g. payments: { kafka: { topic: payments } }");
		}
		for (Map.Entry<String, Node> entry : entries) {
			checkNodeName(entry.getValue(), entry.getKey());
			Map<String, FieldType> fields = sourceBinder.fields(entry.getValue());
			Schema schema = SourceBinder.schema(fields);
			schemas.put(entry.getKey(), schema);
			defined.add(entry.getKey());
			indexedRows.put(entry.getKey(), IndexedRows.unkeyed("'" + entry.getKey() + "' is a source, a stream of " +
					"events; an index follows a table, whose rows are inserted, updated and deleted: declare it under " +
					"tables: with a primaryKey"));
			sourceBinder.bind(entry.getKey(), entry.getValue(), fields, schema)
				.ifPresent(source -> sources.put(source.name(), source));
		}
		return sources;
	}

	private Map<String, Table> tables(Optional<Node> node) {
		Map<String, Table> tables = new LinkedHashMap<>();
		List<Map.Entry<String, Node>> entries = node.map(n -> n.entries("an object of table name: table")).orElse(List.of());
		node.ifPresent(n -> checkCount(n, "tables", entries.size(), limits.maxSources()));
		for (Map.Entry<String, Node> entry : entries) {
			if (defined.contains(entry.getKey())) {
				entry.getValue().report("table '" + entry.getKey() + "' has the name of a source; rename one of them");
			}
			checkNodeName(entry.getValue(), entry.getKey());
			schemas.put(entry.getKey(), Schema.dynamic());
			defined.add(entry.getKey());
			tableNames.add(entry.getKey());
			tableValued.add(entry.getKey());
			Optional<Table> table = TableBinder.bind(entry.getKey(), entry.getValue());
			table.ifPresent(bound -> tables.put(bound.name(), bound));
			indexedRows.put(entry.getKey(), table.map(bound -> IndexedRows.keyed(bound.primaryKey()))
				.orElse(IndexedRows.unkeyed("table '" + entry.getKey() + "' has problems, reported at its path")));
		}
		return tables;
	}

	private Map<String, Transform> transforms(Optional<Node> node) {
		List<Map.Entry<String, Node>> entries = node.map(n -> n.entries("an object of transform name: transform"))
			.orElse(List.of());
		node.ifPresent(n -> checkCount(n, "transforms", entries.size(), limits.maxTransforms()));
		Map<String, Node> nodes = new LinkedHashMap<>();
		for (Map.Entry<String, Node> entry : entries) {
			if (defined.contains(entry.getKey())) {
				entry.getValue().report("transform '" + entry.getKey() + "' has the name of a " +
						(tableNames.contains(entry.getKey()) ? "table" : "source") + "; rename one of them");
			}
			checkNodeName(entry.getValue(), entry.getKey());
			nodes.put(entry.getKey(), entry.getValue());
		}
		defined.addAll(nodes.keySet().stream().filter(name -> !defined.contains(name)).toList());
		Map<String, List<String>> inputs = new LinkedHashMap<>();
		nodes.forEach((name, transformNode) -> inputs.put(name, transformBinder.inputs(transformNode, defined)));
		Graph graph = Graph.of(withStreamJoins(inputs, nodes));
		for (List<String> cycle : graph.cycles()) {
			nodes.get(cycle.getFirst()).field("from").report("cycle among transforms: " + String.join(" -> ", cycle) +
					" -> " + cycle.getFirst() + "; transforms must form a graph without cycles");
		}
		Map<String, Transform> transforms = new LinkedHashMap<>();
		for (String name : graph.order()) {
			Schema in = TransformBinder.inputSchema(inputs.get(name), schemas);
			Bound<Transform> bound = transformBinder.bind(name, nodes.get(name), inputs.get(name), in, tableValued);
			schemas.put(name, bound.schema());
			bound.value().ifPresent(transform -> transforms.put(name, transform));
			indexedRows.put(name, indexedRows(name, inputs.get(name)));
		}
		graph.blocked().forEach(name -> transformBinder.bind(name, nodes.get(name), List.of(), Schema.dynamic(),
				tableValued));
		graph.blocked().forEach(name -> indexedRows.put(name, IndexedRows.unkeyed("transform '" + name + "' is in a " +
				"cycle, reported at its path")));
		return transforms;
	}

	/**
	 * Each transform's inputs and the defined streams its stream joins name: what it must be bound
	 * (and compiled) after.
	 */
	private Map<String, List<String>> withStreamJoins(Map<String, List<String>> inputs, Map<String, Node> nodes) {
		Map<String, List<String>> dependencies = new LinkedHashMap<>();
		inputs.forEach((name, from) -> {
			List<String> all = new ArrayList<>(from);
			StreamJoinBinder.references(nodes.get(name)).stream()
				.filter(other -> defined.contains(other) && !all.contains(other))
				.forEach(all::add);
			dependencies.put(name, all);
		});
		return dependencies;
	}

	/** The rows of a transform: those of the table it reads when it yields a table; events otherwise. */
	private IndexedRows indexedRows(String name, List<String> inputs) {
		if (!tableValued.contains(name)) {
			return IndexedRows.unkeyed("'" + name + "' is a stream of events; an index follows a table, or a " +
					"transform reading a table (e.g. a table joined with another table)");
		}
		IndexedRows read = inputs.isEmpty() ? null : indexedRows.get(inputs.getFirst());
		if (read != null && read.key().isPresent()) {
			return read;
		}
		return IndexedRows.unkeyed("'" + name + "' joins a stream of events reactively: its rows are events, " +
				"without a primary key; an index follows a table, or a transform reading a table (e.g. a table " +
				"joined with another table)");
	}

	private List<Output> outputs(Optional<Node> node) {
		List<Node> elements = node.map(n -> n.elements("a list of outputs")).orElse(List.of());
		node.ifPresent(n -> checkCount(n, "outputs", elements.size(), limits.maxOutputs()));
		if (elements.isEmpty() && node.isPresent() && node.get().value().isArray()) {
			node.get().report("an empty list of outputs; list at least one, e.g. - { from: enriched, kafka: { topic: out } }, "
					+ "or leave the field out when the pipeline has feature views");
		}
		List<Output> outputs = new ArrayList<>();
		elements.forEach(element -> OutputBinder.bind(element, defined).ifPresent(outputs::add));
		return outputs;
	}

	private static void checkCount(Node node, String what, int count, int max) {
		if (count > max) {
			node.report("too many " + what + ": " + count + "; at most " + max + " are allowed per pipeline; " +
					"split it into several pipelines");
		}
	}

	private static void checkNodeName(Node node, String name) {
		if (!Names.isNode(name)) {
			node.report("invalid name '" + name + "'; " + Names.NODE_RULE);
		}
	}

}
