package io.streamplane.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExamplesTest {

	private static final Path EXAMPLES = Path.of("..", "examples");

	private final SpecReader reader = new SpecReader();

	static Stream<Path> examples() throws IOException {
		return Files.list(EXAMPLES).filter(path -> path.toString().endsWith(".yaml")).sorted();
	}

	@ParameterizedTest
	@MethodSource("examples")
	void shouldValidateEveryExampleUnderItsFileName(Path example) throws IOException {
		ValidatedSpec validated = reader.read(Files.readString(example), SpecFormat.YAML);

		assertThat(validated.spec().name() + ".yaml").isEqualTo(example.getFileName().toString());
		assertThat(validated.spec().outputs()).isNotEmpty();
	}

	@Test
	void shouldHaveAnExampleForEachConformanceCaseTheEngineExpressesNext() throws IOException {
		List<String> names = examples().map(path -> path.getFileName().toString()).toList();

		assertThat(names).contains("wordcount-tumbling-10s.yaml", "merchant-revenue-1m.yaml", "sessions-20m-gap.yaml",
				"topic-to-topic-enrichment.yaml", "tumbling-final-with-lateness.yaml", "per-key-milestone-alert.yaml");
	}

	@Test
	void shouldExpressEnrichmentAsSetThenSelect() throws IOException {
		PipelineSpec spec = reader.read(Files.readString(EXAMPLES.resolve("topic-to-topic-enrichment.yaml")),
				SpecFormat.YAML).spec();

		Transform enriched = spec.transforms().get("enriched");
		assertThat(enriched.from()).containsExactly("payments");
		assertThat(enriched.steps()).hasSize(2);
		assertThat(enriched.steps().get(0)).isInstanceOfSatisfying(Step.SetFields.class,
				set -> assertThat(set.fields().get("is_high_value").text()).isEqualTo("amount >= 1000"));
		assertThat(enriched.steps().get(1)).isEqualTo(new Step.Select(List.of("id", "amount", "is_high_value")));
		assertThat(spec.outputs()).containsExactly(new Output("enriched", KafkaTopic.json("payments-enriched")));
	}

}
