package io.streamplane.engine.preview;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.spec;
import static io.streamplane.engine.preview.Previews.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepsPreviewTest {

	private static final String PIPELINE = """
			name: steps
			sources:
			  events:
			    kafka: { topic: events }
			    fields: { id: int, amount: double, line: string }
			transforms:
			  out:
			    from: events
			    steps:
			%s
			outputs:
			  - { from: out, kafka: { topic: out } }
			""";

	private final PipelinePreview preview = new PipelinePreview();

	private PreviewResult run(String steps, PreviewInput... inputs) {
		String indented = steps.lines().map(line -> "      " + line).reduce("", (a, b) -> a + b + "\n");
		return preview.run(spec(PIPELINE.formatted(indented)), List.of(inputs));
	}

	@Test
	void shouldKeepOnlyRecordsMatchingTheFilter() {
		PreviewResult result = run("- filter: \"amount > 100.0\"", input("events", "a", "{\"id\": 1, \"amount\": 50}"),
				input("events", "b", "{\"id\": 2, \"amount\": 150}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values("{\"id\": 2, \"amount\": 150}"));
		assertThat(result.outputs().get("out").getFirst().key()).isEqualTo("b");
	}

	@Test
	void shouldEvaluateEverySetExpressionAgainstTheRecordBeforeTheStep() {
		PreviewResult result = run("- set: { amount: \"amount * 2.0\", before: \"amount\" }",
				input("events", "a", "{\"id\": 1, \"amount\": 5}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values("{\"id\": 1, \"amount\": 10, \"before\": 5}"));
	}

	@Test
	void shouldProjectTheSelectedFieldsAndSkipMissingOnes() {
		PreviewResult result = run("- select: [amount, id, line]", input("events", "a", "{\"id\": 1, \"amount\": 5, \"x\": 1}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values("{\"amount\": 5, \"id\": 1}"));
	}

	@Test
	void shouldExplodeOneRecordPerListElementAndDropEmptyLists() {
		PreviewResult result = run("- explode: { field: word, from: \"line.split(' ').filter(w, w != '')\" }\n" +
				"- select: [word]", input("events", "a", "{\"line\": \"a b\"}"), input("events", "b", "{\"line\": \" \"}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values("{\"word\": \"a\"}", "{\"word\": \"b\"}"));
	}

	@Test
	void shouldRekeyByTheKeyByExpressionAndStoreTheKeyInItsField() {
		PreviewResult result = run("- keyBy: { field: owner, expression: \"string(id)\" }",
				input("events", "a", "{\"id\": 7, \"amount\": 1}"));

		assertThat(result.outputs().get("out")).singleElement().satisfies(output -> {
			assertThat(output.key()).isEqualTo("7");
			assertThat(JsonComparison.normalize(output.value())).isEqualTo(Previews.value(
					"{\"id\": 7, \"amount\": 1, \"owner\": \"7\"}"));
		});
	}

	@Test
	void shouldMergeSeveralInputsIntoOneStream() {
		PreviewResult result = preview.run(spec("""
				name: merged
				sources:
				  left: { kafka: { topic: left } }
				  right: { kafka: { topic: right } }
				transforms:
				  both:
				    from: [left, right]
				    steps:
				      - set: { seen: "true" }
				outputs:
				  - { from: both, kafka: { topic: both } }
				"""), List.of(input("left", "a", "{\"n\": 1}"), input("right", "b", "{\"n\": 2}")));

		assertThat(values(result, "both")).containsExactlyInAnyOrderElementsOf(values("{\"n\": 1, \"seen\": true}",
				"{\"n\": 2, \"seen\": true}"));
	}

	@Test
	void shouldRejectInputsForTopicsNoSourceReads() {
		assertThatThrownBy(() -> run("- select: [id]", input("nope", "a", "{}")))
			.isInstanceOf(PreviewException.class).hasMessageContaining("[nope]").hasMessageContaining("[events]");
	}

	@Test
	void shouldRejectMoreInputsThanTheLimit() {
		PreviewInput one = input("events", "a", "{}");
		List<PreviewInput> many = Collections.nCopies(PipelinePreview.MAX_INPUTS + 1, one);

		assertThatThrownBy(() -> preview.run(spec(PIPELINE.formatted("      - select: [id]\n")), many))
			.isInstanceOf(PreviewException.class).hasMessageContaining("at most 10000");
	}

}
