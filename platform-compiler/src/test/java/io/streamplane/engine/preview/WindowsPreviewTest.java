package io.streamplane.engine.preview;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.spec;
import static io.streamplane.engine.preview.Previews.values;
import static org.assertj.core.api.Assertions.assertThat;

class WindowsPreviewTest {

	private static final String PIPELINE = """
			name: windows
			sources:
			  events:
			    kafka: { topic: events }
			    eventTime: { field: t, unit: seconds }
			    fields: { t: int, user: string, amount: int }
			transforms:
			  out:
			    from: events
			    steps:
			      - keyBy: user
			      - window: %s
			        aggregate: %s
			outputs:
			  - { from: out, kafka: { topic: out } }
			""";

	private final PipelinePreview preview = new PipelinePreview();

	private PreviewResult run(String window, String aggregate, PreviewInput... inputs) {
		return preview.run(spec(PIPELINE.formatted(window, aggregate)), List.of(inputs));
	}

	private static PreviewInput event(long t, String user, long amount) {
		return input("events", user, "{\"t\": " + t + ", \"user\": \"" + user + "\", \"amount\": " + amount + "}");
	}

	@Test
	void shouldComputeEveryAggregationOverATumblingWindow() {
		PreviewResult result = run("{ tumbling: 10s }", """
				{ n: "count()", total: "sum(amount)", low: "min(amount)", high: "max(amount)", mean: "avg(amount)",
				  earliest: "first(amount)", latest: "last(amount)", all: "collect(amount)", kinds: "count_distinct(amount)" }""",
				event(5, "u", 3), event(1, "u", 1), event(8, "u", 3), event(12, "u", 9));

		assertThat(values(result, "out")).containsExactlyInAnyOrderElementsOf(values("""
				{"user": "u", "window_start": "1970-01-01T00:00:00Z", "window_end": "1970-01-01T00:00:10Z", "n": 3,
				 "total": 7, "low": 1, "high": 3, "mean": 2.3333333333333335, "earliest": 1, "latest": 3,
				 "all": [1, 3, 3], "kinds": 2}""", """
				{"user": "u", "window_start": "1970-01-01T00:00:10Z", "window_end": "1970-01-01T00:00:20Z", "n": 1,
				 "total": 9, "low": 9, "high": 9, "mean": 9.0, "earliest": 9, "latest": 9, "all": [9], "kinds": 1}"""));
	}

	@Test
	void shouldPutARecordIntoEveryHoppingWindowThatContainsIt() {
		PreviewResult result = run("{ hopping: { size: 10s, advance: 5s } }", "{ n: \"count()\" }", event(7, "u", 1));

		assertThat(values(result, "out")).containsExactlyInAnyOrderElementsOf(values(
				"{\"user\": \"u\", \"window_start\": \"1970-01-01T00:00:00Z\", \"window_end\": \"1970-01-01T00:00:10Z\", \"n\": 1}",
				"{\"user\": \"u\", \"window_start\": \"1970-01-01T00:00:05Z\", \"window_end\": \"1970-01-01T00:00:15Z\", \"n\": 1}"));
	}

	@Test
	void shouldGroupRecordsWithinTheSlidingWindowSize() {
		PreviewResult result = run("{ sliding: { size: 10s } }", "{ total: \"sum(amount)\" }", event(0, "u", 1),
				event(5, "u", 2), event(30, "u", 4));

		assertThat(Previews.field(result, "out", "total")).contains(Previews.value("3"), Previews.value("4"));
	}

	@Test
	void shouldCloseASessionAfterTheGapAndCollectInEventOrder() {
		PreviewResult result = run("{ session: { gap: 20s } }", "{ n: \"count()\", all: \"collect(amount)\" }",
				event(10, "u", 2), event(0, "u", 1), event(100, "u", 3));

		assertThat(values(result, "out")).containsExactlyInAnyOrderElementsOf(values(
				"{\"user\": \"u\", \"window_start\": \"1970-01-01T00:00:00Z\", \"window_end\": \"1970-01-01T00:00:10Z\", \"n\": 2, \"all\": [1, 2]}",
				"{\"user\": \"u\", \"window_start\": \"1970-01-01T00:01:40Z\", \"window_end\": \"1970-01-01T00:01:40Z\", \"n\": 1, \"all\": [3]}"));
	}

	@Test
	void shouldEmitEveryChangeWithEmitUpdates() {
		PreviewResult result = run("{ tumbling: 10s, emit: updates }", "{ total: \"sum(amount)\" }", event(1, "u", 1),
				event(2, "u", 2));

		assertThat(Previews.field(result, "out", "total")).containsExactly(Previews.value("1"), Previews.value("3"));
	}

	@Test
	void shouldEmitOnlyTheFinalResultWithEmitFinal() {
		PreviewResult result = run("{ tumbling: 10s, emit: final }", "{ total: \"sum(amount)\" }", event(1, "u", 1),
				event(2, "u", 2));

		assertThat(Previews.field(result, "out", "total")).containsExactly(Previews.value("3"));
	}

	@Test
	void shouldCloseWindowsOfChainedWindowStepsAtEndOfInput() {
		PreviewResult result = preview.run(spec("""
				name: chained
				sources:
				  events:
				    kafka: { topic: events }
				    eventTime: { field: t, unit: seconds }
				    fields: { t: int, user: string, amount: int }
				transforms:
				  per_user:
				    from: events
				    steps:
				      - keyBy: user
				      - window: { tumbling: 10s }
				        aggregate: { total: "sum(amount)" }
				  overall:
				    from: per_user
				    steps:
				      - keyBy: { field: all, expression: "'all'" }
				      - window: { tumbling: 1m }
				        aggregate: { users: "count()", total: "sum(total)" }
				outputs:
				  - { from: overall, kafka: { topic: overall } }
				"""), List.of(event(1, "a", 1), event(2, "b", 2), event(15, "a", 4)));

		assertThat(values(result, "overall")).containsExactlyElementsOf(values(
				"{\"all\": \"all\", \"window_start\": \"1970-01-01T00:00:00Z\", \"window_end\": \"1970-01-01T00:01:00Z\", \"users\": 3, \"total\": 7}"));
	}

}
