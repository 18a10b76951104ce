package io.streamplane.spec.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphTest {

	@Test
	void shouldOrderEachTransformAfterItsInputs() {
		Map<String, List<String>> inputs = new LinkedHashMap<>();
		inputs.put("c", List.of("a", "b"));
		inputs.put("b", List.of("a"));
		inputs.put("a", List.of("source"));

		Graph graph = Graph.of(inputs);

		assertThat(graph.order()).containsExactly("a", "b", "c");
		assertThat(graph.cycles()).isEmpty();
	}

	@Test
	void shouldReportEachCycleOnceAndBlockWhatFollowsIt() {
		Map<String, List<String>> inputs = new LinkedHashMap<>();
		inputs.put("self", List.of("self"));
		inputs.put("a", List.of("b"));
		inputs.put("b", List.of("a"));
		inputs.put("after", List.of("b", "source"));
		inputs.put("fine", List.of("source"));

		Graph graph = Graph.of(inputs);

		assertThat(graph.order()).containsExactly("fine");
		assertThat(graph.blocked()).containsExactly("self", "a", "b", "after");
		assertThat(graph.cycles()).containsExactly(List.of("self"), List.of("a", "b"));
	}

}
