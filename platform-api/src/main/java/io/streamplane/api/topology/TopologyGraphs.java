package io.streamplane.api.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.streamplane.api.topology.TopologyEdge.EdgeKind;
import io.streamplane.api.topology.TopologyGraph.SubTopology;
import io.streamplane.api.topology.TopologyNode.NodeKind;
import io.streamplane.engine.compile.CompiledPipeline;
import org.apache.kafka.streams.TopologyDescription;
import tools.jackson.databind.JsonNode;

/**
 * Turns a compiled pipeline's {@code Topology.describe()} into a {@link TopologyGraph}: Kafka Streams'
 * sources, processors and sinks become nodes of their sub-topology, the stores they use and the topics they
 * read and write become nodes too, and every node is labelled with the spec step it implements
 * ({@link StepNames}). Topics are classified by the compiled pipeline (inputs, outputs and feature tiles,
 * dead letters); any other topic is internal, a repartition topic named after the application id, and every
 * store is backed up to a changelog topic ({@code <application id>-<store>-changelog}; the compiler logs
 * every store).
 */
final class TopologyGraphs {

	private final CompiledPipeline compiled;

	private final String applicationId;

	private final StepNames steps;

	private final Map<String, TopologyNode> nodes = new LinkedHashMap<>();

	private final Map<String, TopologyNode> topics = new LinkedHashMap<>();

	private final List<TopologyEdge> edges = new ArrayList<>();

	private TopologyGraphs(CompiledPipeline compiled, String applicationId, JsonNode spec) {
		this.compiled = compiled;
		this.applicationId = applicationId;
		this.steps = new StepNames(spec);
	}

	/**
	 * The graph of one pipeline version.
	 *
	 * @param spec the version's spec document, which names the steps
	 * @param applicationId the application id the version runs under
	 */
	static TopologyGraph of(CompiledPipeline compiled, int version, JsonNode spec, String applicationId) {
		return new TopologyGraphs(compiled, applicationId, spec).build(version);
	}

	private TopologyGraph build(int version) {
		TopologyDescription description = compiled.topology().describe();
		List<SubTopology> subTopologies = new ArrayList<>();
		description.subtopologies()
			.stream()
			.sorted(Comparator.comparingInt(TopologyDescription.Subtopology::id))
			.forEach(sub -> subTopologies.add(subTopology(sub.id(), sub.nodes())));
		description.globalStores()
			.forEach(global -> subTopologies.add(subTopology(global.id(), List.of(global.source(), global.processor()))));
		List<TopologyNode> all = new ArrayList<>(nodes.values());
		all.addAll(topics.values());
		return new TopologyGraph(compiled.pipeline(), version, applicationId, subTopologies, all, edges);
	}

	private SubTopology subTopology(int id, Iterable<? extends TopologyDescription.Node> members) {
		List<TopologyDescription.Node> sorted = new ArrayList<>();
		members.forEach(sorted::add);
		sorted.sort(Comparator.comparing(TopologyDescription.Node::name));
		List<String> ids = new ArrayList<>();
		for (TopologyDescription.Node node : sorted) {
			ids.add(node.name());
			ids.addAll(add(node, id));
			node.successors().forEach(next -> edges.add(new TopologyEdge(node.name(), next.name(), EdgeKind.RECORDS)));
		}
		return new SubTopology(id, ids);
	}

	/** Adds the node and its topics; returns the ids of the stores it added to its sub-topology. */
	private List<String> add(TopologyDescription.Node node, int subTopology) {
		List<String> stores = new ArrayList<>();
		switch (node) {
			case TopologyDescription.Source source -> {
				put(node, NodeKind.SOURCE, subTopology);
				if (source.topicSet() != null) {
					source.topicSet().forEach(topic -> edges.add(new TopologyEdge(topic(topic), node.name(), EdgeKind.RECORDS)));
				}
			}
			case TopologyDescription.Sink sink -> {
				put(node, NodeKind.SINK, subTopology);
				if (sink.topic() != null) {
					edges.add(new TopologyEdge(node.name(), topic(sink.topic()), EdgeKind.RECORDS));
				}
			}
			case TopologyDescription.Processor processor -> {
				put(node, NodeKind.PROCESSOR, subTopology);
				processor.stores().stream().sorted().forEach(store -> {
					String id = "store:" + store;
					if (!nodes.containsKey(id)) {
						stores.add(id);
						nodes.put(id, named(id, NodeKind.STORE, store, subTopology, false));
						String changelog = "topic:" + applicationId + "-" + store + "-changelog";
						topics.put(changelog, labelled(changelog, NodeKind.CHANGELOG_TOPIC, store,
								applicationId + "-" + store + "-changelog", "changelog"));
						edges.add(new TopologyEdge(id, changelog, EdgeKind.CHANGELOG));
					}
					edges.add(new TopologyEdge(node.name(), id, EdgeKind.STORE));
				});
			}
			default -> put(node, NodeKind.PROCESSOR, subTopology);
		}
		return stores;
	}

	private void put(TopologyDescription.Node node, NodeKind kind, int subTopology) {
		boolean deadLetter = node.name().endsWith(".dead-letter") || node.name().endsWith(".dead-letter-sink");
		nodes.put(node.name(), named(node.name(), kind, node.name(), subTopology, deadLetter));
	}

	private TopologyNode named(String id, NodeKind kind, String name, Integer subTopology, boolean deadLetter) {
		Optional<StepNames.Step> step = steps.of(name);
		return new TopologyNode(id, kind, step.map(StepNames.Step::label).orElse(name), name,
				step.map(StepNames.Step::path).orElse(null), step.map(StepNames.Step::kind).orElse(null), subTopology,
				deadLetter);
	}

	/** The id of a topic's node, added on first use. */
	private String topic(String described) {
		NodeKind kind = kindOf(described);
		String name = kind == NodeKind.REPARTITION_TOPIC && !described.startsWith(applicationId + "-")
				? applicationId + "-" + described : described;
		String id = "topic:" + name;
		topics.computeIfAbsent(id, key -> switch (kind) {
			case REPARTITION_TOPIC -> labelled(key, kind, described, name, null);
			default -> new TopologyNode(key, kind, name, name, null, null, null, false);
		});
		return id;
	}

	private TopologyNode labelled(String id, NodeKind kind, String stepName, String name, String suffix) {
		Optional<StepNames.Step> step = steps.of(stepName);
		String label = step.map(StepNames.Step::label).orElse(stepName) + (suffix == null ? "" : " › " + suffix);
		return new TopologyNode(id, kind, label, name, step.map(StepNames.Step::path).orElse(null),
				step.map(StepNames.Step::kind).orElse(null), null, false);
	}

	private NodeKind kindOf(String topic) {
		if (compiled.inputTopics().contains(topic)) {
			return NodeKind.INPUT_TOPIC;
		}
		if (compiled.outputTopics().contains(topic) || compiled.tileTopics().containsKey(topic)) {
			return NodeKind.OUTPUT_TOPIC;
		}
		if (compiled.deadLetterTopic().equals(topic)) {
			return NodeKind.DEAD_LETTER_TOPIC;
		}
		return NodeKind.REPARTITION_TOPIC;
	}

}
