package io.streamplane.engine.preview;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.spec;
import static io.streamplane.engine.preview.Previews.values;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: aggregates with a condition, {@code count(kind == 'imp')} and {@code sum(amount, country == 'US')}. */
class ConditionalAggregatesPreviewTest {

	private static final String PIPELINE = """
			name: conditional
			sources:
			  events:
			    kafka: { topic: events }
			    eventTime: { field: ts, unit: seconds }
			    fields: { ts: int, kind: string, amount: double, country: string }
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
	void shouldAggregateOnlyTheRecordsMatchingEachConditionInAWindow() {
		PreviewResult result = run("""
				- window: { tumbling: 1m }
				  aggregate:
				    imps: "count(kind == 'imp')"
				    clicks: "count(kind == 'click')"
				    all: "count()"
				    us_amount: "sum(amount, country == 'US')"
				    first_click: "first(amount, kind == 'click')"
				    max_imp: "max(amount, kind == 'imp')"
				- select: [imps, clicks, all, us_amount, first_click, max_imp]""",
				event("ad1", "{\"ts\": 1, \"kind\": \"imp\", \"amount\": 1.0, \"country\": \"US\"}"),
				event("ad1", "{\"ts\": 2, \"kind\": \"imp\", \"amount\": 3.0, \"country\": \"FR\"}"),
				event("ad1", "{\"ts\": 3, \"kind\": \"click\", \"amount\": 2.0, \"country\": \"US\"}"),
				event("ad2", "{\"ts\": 4, \"kind\": \"imp\", \"amount\": 5.0, \"country\": \"FR\"}"));

		assertThat(values(result, "out")).containsExactlyInAnyOrderElementsOf(values(
				"{\"imps\": 2, \"clicks\": 1, \"all\": 3, \"us_amount\": 3.0, \"first_click\": 2.0, \"max_imp\": 3.0}",
				"{\"imps\": 1, \"clicks\": 0, \"all\": 1, \"us_amount\": 0, \"first_click\": null, \"max_imp\": 5.0}"));
	}

	@Test
	void shouldKeepARunningAggregateUnchangedByRecordsFailingItsCondition() {
		PreviewResult result = run("""
				- running: { clicks: "count(kind == 'click')", us_spent: "sum(amount, country == 'US')" }
				- select: [kind, clicks, us_spent]""",
				event("u1", "{\"ts\": 1, \"kind\": \"imp\", \"amount\": 10.0, \"country\": \"FR\"}"),
				event("u1", "{\"ts\": 2, \"kind\": \"click\", \"amount\": 5.0, \"country\": \"US\"}"),
				event("u1", "{\"ts\": 3, \"kind\": \"imp\", \"amount\": 1.5, \"country\": \"US\"}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values(
				"{\"kind\": \"imp\", \"clicks\": 0, \"us_spent\": 0}",
				"{\"kind\": \"click\", \"clicks\": 1, \"us_spent\": 5.0}",
				"{\"kind\": \"imp\", \"clicks\": 1, \"us_spent\": 6.5}"));
	}

	@Test
	void shouldDeadLetterARecordWhoseConditionCannotBeEvaluated() {
		PreviewResult result = run("""
				- running: { clicks: "count(kind == 'click')" }
				- select: [clicks]""",
				event("u1", "{\"ts\": 1, \"amount\": 1.0}"),
				event("u1", "{\"ts\": 2, \"kind\": \"click\"}"));

		assertThat(values(result, "out")).containsExactlyElementsOf(values("{\"clicks\": 1}"));
		assertThat(result.deadLetters()).singleElement().satisfies(dead ->
				assertThat(dead.toString()).contains("missing field 'kind'"));
	}

}
