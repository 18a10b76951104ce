package io.streamplane.engine.preview;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.spec;
import static io.streamplane.engine.preview.Previews.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: left, right and full stream–stream joins through preview. An event without a match
 * comes out once, with nulls for the other side's fields, when stream time passes its time +
 * within + lateness, never earlier, and never when a match arrived in time.
 */
class OuterStreamJoinPreviewTest {

	private static final String SPEC = """
			name: impressions-and-clicks
			sources:
			  impressions:
			    kafka: { topic: impressions }
			    fields: { impression_id: string, ad: string, ts: string }
			    eventTime: { field: ts, unit: iso8601 }
			    lateness: 1m
			  clicks:
			    kafka: { topic: clicks }
			    fields: { impression_id: string, ts: string }
			    eventTime: { field: ts, unit: iso8601 }
			    lateness: 1m
			transforms:
			  clicked:
			    from: impressions
			    steps:
			      - join: { stream: clicks, on: impression_id, streamOn: impression_id, within: 10m, type: TYPE }
			outputs:
			  - { from: clicked, kafka: { topic: clicked } }
			""";

	private final PipelinePreview preview = new PipelinePreview();

	private static PreviewInput impression(String id, String time) {
		return input("impressions", id, "{\"impression_id\": \"" + id + "\", \"ad\": \"ad-" + id + "\", \"ts\": \"" + time + "\"}");
	}

	private static PreviewInput click(String id, String time) {
		return input("clicks", "c-" + id, "{\"impression_id\": \"" + id + "\", \"ts\": \"" + time + "\"}");
	}

	private static Object row(String id, String ts, String clicksTs) {
		return Previews.value("{\"impression_id\": \"" + id + "\", \"ad\": " + (ts == null ? "null" : "\"ad-" + id + "\"") +
				", \"ts\": " + quoted(ts) + ", \"clicks_ts\": " + quoted(clicksTs) + "}");
	}

	private static String quoted(String text) {
		return text == null ? "null" : "\"" + text + "\"";
	}

	private PreviewResult run(String type, PreviewInput... inputs) {
		return preview.run(spec(SPEC.replace("TYPE", type)), List.of(inputs));
	}

	@Test
	void shouldEmitAnImpressionWithoutAClickWithNullsOnceStreamTimePassesItsTimePlusWithinPlusLateness() {
		PreviewResult result = run("left",
				impression("i1", "2026-01-01T00:00:00Z"),
				click("i1", "2026-01-01T00:04:00Z"),
				impression("i2", "2026-01-01T00:05:00Z"),
				impression("i3", "2026-01-01T00:16:00Z"),
				impression("i4", "2026-01-01T00:16:01Z"));

		assertThat(result.deadLetters()).isEmpty();
		assertThat(values(result, "clicked")).containsExactly(
				row("i1", "2026-01-01T00:00:00Z", "2026-01-01T00:04:00Z"),
				row("i2", "2026-01-01T00:05:00Z", null));
		PreviewOutput unmatched = result.outputs().get("clicked").getLast();
		assertThat(unmatched.key()).isEqualTo("i2");
		assertThat(unmatched.timestamp()).isEqualTo("2026-01-01T00:05:00Z");
	}

	@Test
	void shouldNotEmitAnImpressionWithoutAMatchWhileStreamTimeIsAtItsTimePlusWithinPlusLateness() {
		PreviewResult result = run("left",
				impression("i2", "2026-01-01T00:05:00Z"),
				impression("i3", "2026-01-01T00:16:00Z"));

		assertThat(values(result, "clicked")).isEmpty();
	}

	@Test
	void shouldNeverEmitWithNullsAnImpressionWhoseClickArrivedOutOfOrderWithinTheLateness() {
		PreviewResult result = run("left",
				impression("i1", "2026-01-01T00:00:00Z"),
				impression("i2", "2026-01-01T00:10:30Z"),
				click("i1", "2026-01-01T00:09:45Z"),
				impression("i3", "2026-01-01T00:30:00Z"));

		assertThat(values(result, "clicked")).containsExactly(
				row("i1", "2026-01-01T00:00:00Z", "2026-01-01T00:09:45Z"),
				row("i2", "2026-01-01T00:10:30Z", null));
	}

	@Test
	void shouldDeadLetterAClickMoreThanTheLatenessBehindStreamTimeWithTheReason() {
		PreviewResult result = run("left",
				impression("i1", "2026-01-01T00:00:00Z"),
				impression("i2", "2026-01-01T00:10:30Z"),
				click("i1", "2026-01-01T00:09:00Z"),
				impression("i3", "2026-01-01T00:30:00Z"));

		assertThat(values(result, "clicked")).containsExactly(
				row("i1", "2026-01-01T00:00:00Z", null),
				row("i2", "2026-01-01T00:10:30Z", null));
		assertThat(result.deadLetters()).singleElement().satisfies(letter -> {
			assertThat(letter.late()).isTrue();
			assertThat(letter.reason()).contains("late record: event time 2026-01-01T00:09:00Z is more than lateness PT1M " +
					"behind the join's stream time 2026-01-01T00:10:30Z, so a record it would join may already have been " +
					"emitted without a match");
		});
	}

	@Test
	void shouldEmitAClickWithoutAnImpressionUnderARightJoinWithTheKeyFromTheClick() {
		PreviewResult result = run("right",
				impression("i1", "2026-01-01T00:00:00Z"),
				click("i1", "2026-01-01T00:01:00Z"),
				click("i7", "2026-01-01T00:02:00Z"),
				impression("i2", "2026-01-01T00:03:00Z"),
				click("i9", "2026-01-01T00:20:00Z"));

		assertThat(values(result, "clicked")).containsExactly(
				row("i1", "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z"),
				row("i7", null, "2026-01-01T00:02:00Z"));
	}

	@Test
	void shouldEmitTheUnmatchedEventsOfBothSidesUnderAFullJoin() {
		PreviewResult result = run("full",
				impression("i1", "2026-01-01T00:00:00Z"),
				click("i1", "2026-01-01T00:01:00Z"),
				click("i7", "2026-01-01T00:02:00Z"),
				impression("i2", "2026-01-01T00:03:00Z"),
				click("i9", "2026-01-01T00:20:00Z"));

		assertThat(values(result, "clicked")).containsExactlyInAnyOrder(
				row("i1", "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z"),
				row("i7", null, "2026-01-01T00:02:00Z"),
				row("i2", "2026-01-01T00:03:00Z", null));
	}

	@Test
	void shouldEmitAnImpressionWithANullJoinKeyAtOnceWithNullsAndANullKeyUnderALeftJoin() {
		PreviewResult result = run("left",
				impression("i1", "2026-01-01T00:00:00Z"),
				input("impressions", "x", "{\"impression_id\": null, \"ad\": \"ad-x\", \"ts\": \"2026-01-01T00:01:00Z\"}"),
				input("clicks", "c-x", "{\"impression_id\": null, \"ts\": \"2026-01-01T00:01:00Z\"}"));

		assertThat(result.deadLetters()).isEmpty();
		assertThat(values(result, "clicked")).containsExactly(Previews.value(
				"{\"impression_id\": null, \"ad\": \"ad-x\", \"ts\": \"2026-01-01T00:01:00Z\", \"clicks_ts\": null}"));
		PreviewOutput unmatched = result.outputs().get("clicked").getFirst();
		assertThat(unmatched.key()).isNull();
		assertThat(unmatched.timestamp()).isEqualTo("2026-01-01T00:01:00Z");
	}

	@Test
	void shouldEmitAClickWithANullJoinKeyAtOnceUnderARightOrFullJoinButNotUnderAnInnerOne() {
		PreviewInput nullClick = input("clicks", "c-x", "{\"impression_id\": null, \"ts\": \"2026-01-01T00:01:00Z\"}");
		PreviewInput nullImpression = input("impressions", "x",
				"{\"impression_id\": null, \"ad\": \"ad-x\", \"ts\": \"2026-01-01T00:01:00Z\"}");
		Object click = Previews.value("{\"impression_id\": null, \"ad\": null, \"ts\": null, " +
				"\"clicks_ts\": \"2026-01-01T00:01:00Z\"}");
		Object impression = Previews.value(
				"{\"impression_id\": null, \"ad\": \"ad-x\", \"ts\": \"2026-01-01T00:01:00Z\", \"clicks_ts\": null}");

		assertThat(values(run("right", nullImpression, nullClick), "clicked")).containsExactly(click);
		assertThat(values(run("full", nullImpression, nullClick), "clicked")).containsExactlyInAnyOrder(impression, click);
		assertThat(values(run("inner", nullImpression, nullClick), "clicked")).isEmpty();
	}

}
