package io.streamplane.engine.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays each conformance case (shared originals, else the repository copy) through preview with the example
 * spec of the same name and compares the outputs as a multiset, numbers by value. Cases with
 * {@code inputs_generated} get their inputs from {@link GeneratedInputs}.
 */
class ConformanceTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PipelinePreview preview = new PipelinePreview();

	@ParameterizedTest
	@ValueSource(strings = { "c1-wordcount-tumbling.json", "c2-merchant-revenue.json", "c3-sessions.json",
			"c5-enrich-flag.json", "c6-tumbling-final-with-lateness.json", "c9-milestone-alert.json" })
	void shouldReproduceTheConformanceCase(String file) throws IOException {
		JsonNode conformance = JSON.readTree(Files.readString(TestFiles.conformance().resolve(file)));
		PreviewResult result = preview.run(spec(conformance), inputs(conformance));

		List<PreviewOutput> outputs = result.outputs().values().stream().flatMap(List::stream).toList();
		List<Object> expected = conformance.get("expected").valueStream().map(JsonComparison::normalize).toList();
		boolean keyed = conformance.get("expected").valueStream().allMatch(JsonComparison::isKeyedRecord);
		List<Object> actual = outputs.stream().map(output -> keyed ? JsonComparison.keyed(output.key(), output.value())
				: JsonComparison.normalize(output.value())).toList();
		assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
		assertLateRecordsAreDeadLettered(conformance, result);
	}

	private static void assertLateRecordsAreDeadLettered(JsonNode conformance, PreviewResult result) {
		List<Object> expectedLate = conformance.path("expected_late").valueStream().map(JsonComparison::normalize).toList();
		List<Object> late = result.deadLetters().stream().filter(DeadLetter::late)
			.map(letter -> JsonComparison.keyed(letter.key(), letter.value())).toList();
		assertThat(late).containsExactlyInAnyOrderElementsOf(expectedLate);
		assertThat(result.deadLetters()).allMatch(DeadLetter::late);
	}

	private static PipelineSpec spec(JsonNode conformance) throws IOException {
		Path example = TestFiles.examples().resolve(conformance.get("name").asString() + ".yaml");
		return new SpecReader().read(Files.readString(example), SpecFormat.YAML).spec();
	}

	private static List<PreviewInput> inputs(JsonNode conformance) {
		if (conformance.has("inputs_generated")) {
			return GeneratedInputs.of(conformance.get("inputs_generated"));
		}
		return conformance.get("inputs").valueStream().map(input -> PreviewInput.of(input.get("topic").asString(),
				input.hasNonNull("key") ? input.get("key").asString() : null, input.get("value"))).toList();
	}

}
