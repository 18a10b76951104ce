package io.streamplane.engine.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every preview request under {@code docs/examples/} runs, and answers what its
 * {@code .expected.json} beside it says: the docs show real results.
 */
class DocsExamplesTest {

	private static final Path EXAMPLES = Path.of("..", "docs", "examples");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Stream<Path> requests() throws IOException {
		return Files.list(EXAMPLES)
			.filter(path -> path.getFileName().toString().matches("preview-[a-z-]+\\.json"))
			.sorted();
	}

	@ParameterizedTest
	@MethodSource("requests")
	void shouldAnswerWhatTheDocsShow(Path request) throws IOException {
		JsonNode body = JSON.readTree(request.toFile());
		PipelineSpec spec = new SpecReader().read(body.path("spec").asString(), SpecFormat.YAML).spec();
		List<PreviewInput> inputs = new ArrayList<>();
		body.path("inputs").forEach(input -> inputs.add(input(input)));

		JsonNode actual = JSON.valueToTree(new PipelinePreview().run(spec, inputs));

		Path expected = request.resolveSibling(request.getFileName().toString().replace(".json", ".expected.json"));
		Path written = Path.of("target", "docs-examples").resolve(expected.getFileName());
		Files.createDirectories(written.getParent());
		JSON.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), actual);
		assertThat(expected).as("expected answer beside %s (actual written to %s)", request, written).exists();
		assertThat(actual).isEqualTo(JSON.readTree(expected.toFile()));
	}

	/** An input as the REST preview request writes it: a topic record, or a table change. */
	private static PreviewInput input(JsonNode input) {
		if (input.has("table")) {
			JsonNode row = "delete".equals(input.path("op").asString(null)) ? null : input.get("value");
			return PreviewInput.tableChange(input.get("table").asString(), PreviewInput.tableKey(input.get("key")), row);
		}
		return new PreviewInput(input.path("topic").asString(),
				input.path("key").isString() ? input.path("key").asString() : null, input.path("value"), null);
	}

}
