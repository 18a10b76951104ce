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
		assertThat(validated.spec().outputs().size() + validated.spec().features().size()
				+ validated.spec().indexes().size()).isPositive();
	}

	@Test
	void shouldHaveAnExampleForEachConformanceCaseTheEngineExpressesNext() throws IOException {
		List<String> names = examples().map(path -> path.getFileName().toString()).toList();

		assertThat(names).contains("wordcount-tumbling-10s.yaml", "merchant-revenue-1m.yaml", "sessions-20m-gap.yaml",
				"topic-to-topic-enrichment.yaml", "tumbling-final-with-lateness.yaml",
				"online-click-features.yaml", "per-key-milestone-alert.yaml", "cdc-to-vector-index.yaml");
	}

	@Test
	void shouldDefineTheC7ViewWithTwoCountsOverOneMinuteTiles() throws IOException {
		PipelineSpec spec = reader.read(Files.readString(EXAMPLES.resolve("online-click-features.yaml")),
				SpecFormat.YAML).spec();

		FeatureView view = spec.features().getFirst();
		assertThat(spec.outputs()).isEmpty();
		assertThat(view.name()).isEqualTo("user_clicks");
		assertThat(view.topic(spec.name())).isEqualTo("sp.features.online-click-features.user_clicks");
		assertThat(view.entity()).isEqualTo("user_id");
		assertThat(view.features().keySet()).containsExactly("clicks_5m", "clicks_1h");
		assertThat(view.features().values()).extracting(FeatureDefinition::partialId).containsOnly("count()");
		assertThat(view.retention()).isEqualTo(java.time.Duration.ofMinutes(61));
	}

	@Test
	void shouldIndexTheBodyOfTheC8DocumentsTableByItsPrimaryKey() throws IOException {
		PipelineSpec spec = reader.read(Files.readString(EXAMPLES.resolve("cdc-to-vector-index.yaml")),
				SpecFormat.YAML).spec();

		VectorIndex index = spec.indexes().getFirst();
		assertThat(spec.tables().get("documents").topic()).isEqualTo("sp.cdc.public.documents");
		assertThat(index.topic(spec.name())).isEqualTo("sp.index.cdc-to-vector-index.documents");
		assertThat(index.key()).containsExactly("doc_id");
		assertThat(index.text()).isInstanceOfSatisfying(IndexText.Computed.class,
				text -> assertThat(text.expression().text()).isEqualTo("body"));
		assertThat(index.chunking()).isEqualTo(Chunking.DEFAULT);
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
