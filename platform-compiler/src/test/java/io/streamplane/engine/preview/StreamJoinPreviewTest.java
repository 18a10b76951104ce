package io.streamplane.engine.preview;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.spec;
import static io.streamplane.engine.preview.Previews.values;
import static org.assertj.core.api.Assertions.assertThat;

/** Stream–stream joins within a time bound through preview: pairs within the bound, late records dead-lettered. */
class StreamJoinPreviewTest {

	private static final String IMPRESSIONS_WITH_CLICKS = """
			name: impressions-with-clicks
			sources:
			  impressions:
			    kafka: { topic: impressions }
			    eventTime: { field: ts, unit: iso8601 }
			    lateness: 1m
			  clicks:
			    kafka: { topic: clicks }
			    eventTime: { field: ts, unit: iso8601 }
			    lateness: 1m
			transforms:
			  clicked:
			    from: impressions
			    steps:
			      - join: { stream: clicks, on: impression_id, streamOn: impression_id, within: 10m }
			      - select: [impression_id, ad, ts, clicks_ts]
			outputs:
			  - { from: clicked, kafka: { topic: clicked } }
			""";

	private final PipelinePreview preview = new PipelinePreview();

	private static PreviewInput impression(String id, String ad, String time) {
		return input("impressions", id, "{\"impression_id\": \"" + id + "\", \"ad\": \"" + ad + "\", \"ts\": \"" + time + "\"}");
	}

	private static PreviewInput click(String id, String time) {
		return input("clicks", "c-" + id + "-" + time, "{\"impression_id\": \"" + id + "\", \"ts\": \"" + time + "\"}");
	}

	@Test
	void shouldJoinEachImpressionWithTheClicksWithinTenMinutesInEitherOrder() {
		PreviewResult result = preview.run(spec(IMPRESSIONS_WITH_CLICKS), List.of(
				impression("i1", "shoes", "2026-01-01T00:00:00Z"),
				click("i1", "2026-01-01T00:04:00Z"),
				click("i1", "2026-01-01T00:10:00Z"),
				click("i1", "2026-01-01T00:10:01Z"),
				click("i2", "2026-01-01T00:11:00Z"),
				impression("i2", "hats", "2026-01-01T00:12:00Z"),
				impression("i3", "bags", "2026-01-01T00:12:30Z")));

		assertThat(result.deadLetters()).isEmpty();
		assertThat(values(result, "clicked")).containsExactly(
				Previews.value("{\"impression_id\": \"i1\", \"ad\": \"shoes\", \"ts\": \"2026-01-01T00:00:00Z\", " +
						"\"clicks_ts\": \"2026-01-01T00:04:00Z\"}"),
				Previews.value("{\"impression_id\": \"i1\", \"ad\": \"shoes\", \"ts\": \"2026-01-01T00:00:00Z\", " +
						"\"clicks_ts\": \"2026-01-01T00:10:00Z\"}"),
				Previews.value("{\"impression_id\": \"i2\", \"ad\": \"hats\", \"ts\": \"2026-01-01T00:12:00Z\", " +
						"\"clicks_ts\": \"2026-01-01T00:11:00Z\"}"));
	}

	@Test
	void shouldStampEachJoinedRecordWithTheLaterEventTimeOfItsPair() {
		PreviewResult result = preview.run(spec(IMPRESSIONS_WITH_CLICKS), List.of(
				impression("i1", "shoes", "2026-01-01T00:00:00Z"),
				click("i1", "2026-01-01T00:04:00Z"),
				click("i2", "2026-01-01T00:11:00Z"),
				impression("i2", "hats", "2026-01-01T00:12:00Z")));

		assertThat(result.outputs().get("clicked")).extracting(PreviewOutput::timestamp)
			.containsExactly("2026-01-01T00:04:00Z", "2026-01-01T00:12:00Z");
	}

	@Test
	void shouldDeadLetterAClickTooLateForTheJoinWithTheReason() {
		PreviewResult result = preview.run(spec(IMPRESSIONS_WITH_CLICKS), List.of(
				impression("i1", "shoes", "2026-01-01T00:00:00Z"),
				impression("i2", "hats", "2026-01-01T00:30:00Z"),
				click("i1", "2026-01-01T00:05:00Z"),
				click("i2", "2026-01-01T00:30:10Z")));

		assertThat(values(result, "clicked")).containsExactly(
				Previews.value("{\"impression_id\": \"i2\", \"ad\": \"hats\", \"ts\": \"2026-01-01T00:30:00Z\", " +
						"\"clicks_ts\": \"2026-01-01T00:30:10Z\"}"));
		assertThat(result.deadLetters()).singleElement().satisfies(letter -> {
			assertThat(letter.late()).isTrue();
			assertThat(letter.step()).isEqualTo("transforms.clicked.steps[0]");
			assertThat(letter.reason()).contains("late record: event time 2026-01-01T00:05:00Z is more than within PT10M " +
					"+ lateness PT1M behind the join's stream time 2026-01-01T00:30:00Z");
		});
	}

	@Test
	void shouldDeadLetterAJoinKeyOfTheWrongTypeAndDropAMissingOne() {
		PreviewResult result = preview.run(spec(IMPRESSIONS_WITH_CLICKS), List.of(
				input("impressions", "x", "{\"impression_id\": [1], \"ad\": \"shoes\", \"ts\": \"2026-01-01T00:00:00Z\"}"),
				input("clicks", "y", "{\"impression_id\": null, \"ts\": \"2026-01-01T00:00:00Z\"}")));

		assertThat(values(result, "clicked")).isEmpty();
		assertThat(result.deadLetters()).singleElement()
			.satisfies(letter -> assertThat(letter.reason()).contains("join key \"impression_id\" must be a string"));
	}

}
