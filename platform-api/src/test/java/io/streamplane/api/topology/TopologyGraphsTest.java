package io.streamplane.api.topology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.streamplane.api.topology.TopologyEdge.EdgeKind;
import io.streamplane.api.topology.TopologyNode.NodeKind;
import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.engine.compile.PipelineCompiler;
import io.streamplane.engine.compile.PipelineCounters;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import io.streamplane.spec.ValidatedSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyGraphsTest {

	@Test
	void shouldLabelEveryNodeOfAWindowedAggregationWithItsSpecStep() {
		TopologyGraph graph = graph("merchant-revenue-1m.yaml");
		Map<String, TopologyNode> nodes = graph.nodes().stream().collect(Collectors.toMap(TopologyNode::id, Function.identity()));

		assertThat(graph.applicationId()).isEqualTo("sp-merchant-revenue-1m-v3");
		assertThat(graph.subTopologies()).extracting(TopologyGraph.SubTopology::id).containsExactly(0, 1);
		assertThat(nodes.get("transforms.revenue_1m.steps.1.aggregate")).satisfies(node -> {
			assertThat(node.kind()).isEqualTo(NodeKind.PROCESSOR);
			assertThat(node.step()).isEqualTo("transforms.revenue_1m.steps[1]");
			assertThat(node.stepKind()).isEqualTo("window");
			assertThat(node.label()).isEqualTo("revenue_1m › window › aggregate");
			assertThat(node.subTopology()).isEqualTo(1);
		});
		assertThat(nodes.get("topic:payments").kind()).isEqualTo(NodeKind.INPUT_TOPIC);
		assertThat(nodes.get("topic:merchant-revenue-1m").kind()).isEqualTo(NodeKind.OUTPUT_TOPIC);
		assertThat(nodes.get("topic:sp.dlq.merchant-revenue-1m").kind()).isEqualTo(NodeKind.DEAD_LETTER_TOPIC);
		String repartition = "topic:sp-merchant-revenue-1m-v3-transforms.revenue_1m.steps.1.repartition-repartition";
		assertThat(nodes.get(repartition)).satisfies(node -> {
			assertThat(node.kind()).isEqualTo(NodeKind.REPARTITION_TOPIC);
			assertThat(node.step()).isEqualTo("transforms.revenue_1m.steps[1]");
		});
		assertThat(graph.edges()).contains(
				new TopologyEdge("transforms.revenue_1m.steps.1.repartition-repartition-sink", repartition, EdgeKind.RECORDS),
				new TopologyEdge(repartition, "transforms.revenue_1m.steps.1.repartition-repartition-source", EdgeKind.RECORDS),
				new TopologyEdge("transforms.revenue_1m.steps.1.aggregate", "store:transforms.revenue_1m.steps.1.window",
						EdgeKind.STORE),
				new TopologyEdge("store:transforms.revenue_1m.steps.1.window",
						"topic:sp-merchant-revenue-1m-v3-transforms.revenue_1m.steps.1.window-changelog", EdgeKind.CHANGELOG));
		assertThat(nodes.get("sources.payments.read.dead-letter").deadLetterPath()).isTrue();
		assertThat(nodes.get("sources.payments.read").deadLetterPath()).isFalse();
	}

	@Test
	void shouldNameOutputsByTheirTopicAndFeatureViewsByTheirName() {
		Map<String, TopologyNode> features = nodes(graph("online-click-features.yaml"));
		Map<String, TopologyNode> outputs = nodes(graph("topic-to-topic-enrichment.yaml"));

		assertThat(features.get("features.0.tiles").label()).isEqualTo("user_clicks › tiles");
		assertThat(features.get("topic:sp.features.online-click-features.user_clicks").kind()).isEqualTo(NodeKind.OUTPUT_TOPIC);
		assertThat(outputs.get("outputs.0.write").label()).isEqualTo("output payments-enriched › write");
		assertThat(outputs.get("transforms.enriched.steps.0.set").label()).isEqualTo("enriched › set");
	}

	@ParameterizedTest
	@ValueSource(strings = { "keyed-click-features.yaml", "merchant-revenue-1m.yaml", "online-click-features.yaml",
			"page-views-with-cdc-users.yaml", "per-key-milestone-alert.yaml", "reactive-join-retractions.yaml",
			"sessions-20m-gap.yaml", "topic-to-topic-enrichment.yaml", "tumbling-final-with-lateness.yaml",
			"wordcount-tumbling-10s.yaml" })
	void shouldTieEveryNodeOfEveryExampleToASpecStep(String example) {
		TopologyGraph graph = graph(example);

		assertThat(graph.nodes()).filteredOn(node -> !node.kind().name().endsWith("TOPIC") || node.kind() == NodeKind.REPARTITION_TOPIC
				|| node.kind() == NodeKind.CHANGELOG_TOPIC)
			.allSatisfy(node -> {
				assertThat(node.step()).as(node.id()).isNotNull();
				assertThat(node.label()).as(node.id()).doesNotContain("KSTREAM-", "KTABLE-");
			});
		List<String> ids = graph.nodes().stream().map(TopologyNode::id).toList();
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(graph.edges()).allSatisfy(edge -> assertThat(ids).contains(edge.from(), edge.to()));
		assertThat(graph.subTopologies().stream().flatMap(sub -> sub.nodes().stream()))
			.containsExactlyInAnyOrderElementsOf(graph.nodes().stream().filter(node -> node.subTopology() != null)
				.map(TopologyNode::id).toList());
	}

	private static Map<String, TopologyNode> nodes(TopologyGraph graph) {
		return graph.nodes().stream().collect(Collectors.toMap(TopologyNode::id, Function.identity()));
	}

	private static TopologyGraph graph(String example) {
		ValidatedSpec spec = new SpecReader().read(read("examples/" + example), SpecFormat.YAML);
		CompiledPipeline compiled = new PipelineCompiler().compile(spec.spec(), new PipelineCounters());
		return TopologyGraphs.of(compiled, 3, spec.document(), CompiledPipeline.applicationId(compiled.pipeline(), 3));
	}

	private static String read(String resource) {
		try (InputStream in = TopologyGraphsTest.class.getClassLoader().getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
