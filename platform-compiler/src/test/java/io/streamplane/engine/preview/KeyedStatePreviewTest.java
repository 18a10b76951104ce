package io.streamplane.engine.preview;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.spec;
import static io.streamplane.engine.preview.Previews.values;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-key state steps, over records keyed by the Kafka key, event time in seconds. */
class KeyedStatePreviewTest {

	private static final String PIPELINE = """
			name: keyed
			sources:
			  events:
			    kafka: { topic: events }
			    eventTime: { field: ts, unit: seconds }
			    fields: { ts: int, id: string, amount: double, status: string }
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

	private static PreviewInput event(String key, String json) {
		return input("events", key, json);
	}

	@Test
	void shouldDropARecordWhoseValueTheKeyPassedWithinTheTtlAndPassItAfterwards() {
		PreviewResult result = run("- dedupe: { by: id, within: 10s }\n- select: [id, ts]",
				event("a", "{\"id\": \"x\", \"ts\": 0}"), event("a", "{\"id\": \"x\", \"ts\": 5}"),
				event("b", "{\"id\": \"x\", \"ts\": 5}"), event("a", "{\"id\": \"y\", \"ts\": 6}"),
				event("a", "{\"id\": \"x\", \"ts\": 10}"), event("a", "{\"id\": \"x\", \"ts\": 19}"),
				event("a", "{\"id\": \"x\", \"ts\": 3}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values("{\"id\": \"x\", \"ts\": 0}",
				"{\"id\": \"x\", \"ts\": 5}", "{\"id\": \"y\", \"ts\": 6}", "{\"id\": \"x\", \"ts\": 10}"));
		assertThat(result.outputs().get("out")).extracting(PreviewOutput::key).containsExactly("a", "b", "a", "a");
	}

	@Test
	void shouldDedupeByTheKeyAloneWithoutBy() {
		PreviewResult result = run("- dedupe: { within: 1m }\n- select: [ts]", event("a", "{\"ts\": 0}"),
				event("a", "{\"ts\": 59}"), event("b", "{\"ts\": 30}"), event("a", "{\"ts\": 60}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values("{\"ts\": 0}", "{\"ts\": 30}",
				"{\"ts\": 60}"));
	}

	@Test
	void shouldAddTheRunningAggregatesOfTheKeySoFarToEachRecord() {
		PreviewResult result = run("- running: { n: \"count()\", total: \"sum(amount)\", top: \"max(amount)\", " +
				"latest: \"last(id)\" }\n- select: [n, total, top, latest]",
				event("a", "{\"id\": \"1\", \"amount\": 5, \"ts\": 1}"),
				event("b", "{\"id\": \"2\", \"amount\": 1, \"ts\": 2}"),
				event("a", "{\"id\": \"3\", \"amount\": 2.5, \"ts\": 3}"),
				event("a", "{\"id\": \"4\", \"amount\": 1, \"ts\": 2}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values(
				"{\"n\": 1, \"total\": 5, \"top\": 5, \"latest\": \"1\"}",
				"{\"n\": 1, \"total\": 1, \"top\": 1, \"latest\": \"2\"}",
				"{\"n\": 2, \"total\": 7.5, \"top\": 5, \"latest\": \"3\"}",
				"{\"n\": 3, \"total\": 8.5, \"top\": 5, \"latest\": \"3\"}"));
	}

	@Test
	void shouldPassOncePerUpwardCrossingAndReArmWhenTheValueFallsBelow() {
		PreviewResult result = run("- crossing: { value: amount, thresholds: [10, 20], as: level }\n" +
				"- select: [amount, level]",
				event("a", "{\"amount\": 5, \"ts\": 1}"), event("a", "{\"amount\": 12, \"ts\": 2}"),
				event("a", "{\"amount\": 15, \"ts\": 3}"), event("a", "{\"amount\": 8, \"ts\": 4}"),
				event("a", "{\"amount\": 25, \"ts\": 5}"), event("a", "{\"amount\": 30, \"ts\": 6}"),
				event("b", "{\"amount\": 10, \"ts\": 7}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values("{\"amount\": 12, \"level\": 10}",
				"{\"amount\": 25, \"level\": 10}", "{\"amount\": 25, \"level\": 20}", "{\"amount\": 10, \"level\": 10}"));
	}

	@Test
	void shouldPassOnlyChangedValuesWithThePreviousValueOfTheKey() {
		PreviewResult result = run("- changes: { of: status, previous: was }\n- select: [status, was]",
				event("a", "{\"status\": \"new\", \"ts\": 1}"), event("a", "{\"status\": \"new\", \"ts\": 2}"),
				event("b", "{\"status\": \"new\", \"ts\": 3}"), event("a", "{\"status\": \"paid\", \"ts\": 4}"),
				event("a", "{\"status\": \"paid\", \"ts\": 5}"), event("a", "{\"status\": \"new\", \"ts\": 6}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values("{\"status\": \"new\", \"was\": null}",
				"{\"status\": \"new\", \"was\": null}", "{\"status\": \"paid\", \"was\": \"new\"}",
				"{\"status\": \"new\", \"was\": \"paid\"}"));
	}

	@Test
	void shouldSkipTheFirstRecordOfAKeyWhenFilteringOnThePreviousValue() {
		PreviewResult result = run("- changes: { of: status, previous: was }\n- filter: \"was != null\"\n- select: [status]",
				event("a", "{\"status\": \"new\", \"ts\": 1}"), event("a", "{\"status\": \"paid\", \"ts\": 2}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values("{\"status\": \"paid\"}"));
	}

	@Test
	void shouldKeepStateAcrossStepsAfterARekey() {
		PreviewResult result = run("""
				- keyBy: id
				- running: { n: "count()" }
				- crossing: { value: n, thresholds: [2] }
				- select: [id, n, threshold]""",
				event("a", "{\"id\": \"u\", \"ts\": 1}"), event("b", "{\"id\": \"u\", \"ts\": 2}"),
				event("c", "{\"id\": \"v\", \"ts\": 3}"), event("d", "{\"id\": \"u\", \"ts\": 4}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values("{\"id\": \"u\", \"n\": 2, \"threshold\": 2}"));
		assertThat(result.outputs().get("out").getFirst().key()).isEqualTo("u");
	}

	@Test
	void shouldDeadLetterRecordsTheStepCannotUseAndLeaveTheStateAsItWas() {
		PreviewResult result = run("- running: { n: \"count()\", total: \"sum(amount)\" }\n- select: [n, total]",
				event("a", "{\"amount\": 1, \"ts\": 1}"), event(null, "{\"amount\": 2, \"ts\": 2}"),
				event("a", "{\"amount\": null, \"ts\": 3}"), event("a", "{\"ts\": 4}"), event("a", "{\"amount\": 4, \"ts\": 5}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values("{\"n\": 1, \"total\": 1}",
				"{\"n\": 2, \"total\": 1}", "{\"n\": 3, \"total\": 5}"));
		assertThat(result.deadLetters()).hasSize(2).allSatisfy(letter -> {
			assertThat(letter.step()).isEqualTo("transforms.out.steps[0]");
			assertThat(letter.late()).isFalse();
		});
		assertThat(result.deadLetters().get(0).reason()).contains("the record has no key");
		assertThat(result.deadLetters().get(1).reason()).contains("missing field 'amount'");
		assertThat(result.deadLetters().get(1).value()).isEqualTo(Previews.json("{\"ts\": 4}"));
	}

	@Test
	void shouldDeadLetterACrossingValueThatIsNotANumber() {
		PreviewResult result = run("- crossing: { value: amount, thresholds: [1] }",
				event("a", "{\"amount\": null, \"ts\": 1}"));

		assertThat(result.outputs().get("out")).isEmpty();
		assertThat(result.deadLetters()).singleElement()
			.satisfies(letter -> assertThat(letter.reason()).contains("crossing value \"amount\" must be a number, got null"));
	}

	@Test
	void shouldAddTheValueAtTheKeysPreviousRecordAndNullForItsFirst() {
		PreviewResult result = run("""
				- running: { last_amount: "previous(amount)", last_big: "previous(amount, amount >= 100.0)" }
				- select: [amount, last_amount, last_big]""",
				event("c1", "{\"ts\": 1, \"amount\": 20.0}"), event("c2", "{\"ts\": 2, \"amount\": 7.0}"),
				event("c1", "{\"ts\": 3, \"amount\": 150.0}"), event("c1", "{\"ts\": 4, \"amount\": 5.0}"),
				event("c1", "{\"ts\": 5, \"amount\": 6.0}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values(
				"{\"amount\": 20.0, \"last_amount\": null, \"last_big\": null}",
				"{\"amount\": 7.0, \"last_amount\": null, \"last_big\": null}",
				"{\"amount\": 150.0, \"last_amount\": 20.0, \"last_big\": null}",
				"{\"amount\": 5.0, \"last_amount\": 150.0, \"last_big\": 150.0}",
				"{\"amount\": 6.0, \"last_amount\": 5.0, \"last_big\": 150.0}"));
	}

}
