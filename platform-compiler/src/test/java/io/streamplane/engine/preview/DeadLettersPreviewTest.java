package io.streamplane.engine.preview;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.spec;
import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersPreviewTest {

	private static final String PIPELINE = """
			name: letters
			sources:
			  events:
			    kafka: { topic: events }
			    eventTime: { field: ts, unit: iso8601 }
			    lateness: 10s
			    fields: { ts: string, amount: int, divisor: int }
			transforms:
			  out:
			    from: events
			    steps:
			      - set: { share: "amount / divisor" }
			      - window: { tumbling: 1m }
			        aggregate: { total: "sum(share)" }
			outputs:
			  - { from: out, kafka: { topic: out } }
			""";

	private final PipelinePreview preview = new PipelinePreview();

	private DeadLetter single(PreviewInput... inputs) {
		PreviewResult result = preview.run(spec(PIPELINE), List.of(inputs));
		assertThat(result.deadLetters()).hasSize(1);
		return result.deadLetters().getFirst();
	}

	@Test
	void shouldDeadLetterAMissingFieldWithTheStepThatNeededIt() {
		DeadLetter letter = single(input("events", "k", "{\"ts\": \"2026-01-01T00:00:00Z\", \"amount\": 4}"));

		assertThat(letter.step()).isEqualTo("transforms.out.steps[0]");
		assertThat(letter.reason()).contains("missing field 'divisor'");
		assertThat(letter.key()).isEqualTo("k");
		assertThat(letter.value()).isEqualTo(Previews.json("{\"ts\": \"2026-01-01T00:00:00Z\", \"amount\": 4}"));
	}

	@Test
	void shouldDeadLetterAnExpressionError() {
		DeadLetter letter = single(input("events", "k", "{\"ts\": \"2026-01-01T00:00:00Z\", \"amount\": 4, \"divisor\": 0}"));

		assertThat(letter.step()).isEqualTo("transforms.out.steps[0]");
		assertThat(letter.reason()).contains("amount / divisor").contains("by zero");
	}

	@Test
	void shouldDeadLetterAMistypedField() {
		DeadLetter letter = single(input("events", "k", "{\"ts\": \"2026-01-01T00:00:00Z\", \"amount\": \"4\", \"divisor\": 1}"));

		assertThat(letter.step()).isEqualTo("sources.events");
		assertThat(letter.reason()).contains("field 'amount' is a string, expected int");
	}

	@Test
	void shouldDeadLetterABadEventTime() {
		DeadLetter letter = single(input("events", "k", "{\"ts\": \"yesterday\", \"amount\": 4, \"divisor\": 1}"));

		assertThat(letter.step()).isEqualTo("sources.events.eventTime");
		assertThat(letter.reason()).contains("'ts'").contains("yesterday");
	}

	@Test
	void shouldDeadLetterARecordWithoutKeyAtTheWindow() {
		DeadLetter letter = single(input("events", null, "{\"ts\": \"2026-01-01T00:00:00Z\", \"amount\": 4, \"divisor\": 1}"));

		assertThat(letter.step()).isEqualTo("transforms.out.steps[1]");
		assertThat(letter.reason()).contains("no key");
	}

	@Test
	void shouldDeadLetterALateRecordAndStillCountOneWithinLateness() {
		PreviewResult result = preview.run(spec(PIPELINE), List.of(
				input("events", "k", "{\"ts\": \"2026-01-01T00:00:30Z\", \"amount\": 1, \"divisor\": 1}"),
				input("events", "k", "{\"ts\": \"2026-01-01T00:01:05Z\", \"amount\": 2, \"divisor\": 1}"),
				input("events", "k", "{\"ts\": \"2026-01-01T00:00:59Z\", \"amount\": 4, \"divisor\": 1}"),
				input("events", "k", "{\"ts\": \"2026-01-01T00:01:10Z\", \"amount\": 8, \"divisor\": 1}"),
				input("events", "k", "{\"ts\": \"2026-01-01T00:00:58Z\", \"amount\": 16, \"divisor\": 1}")));

		assertThat(result.deadLetters()).singleElement().satisfies(letter -> {
			assertThat(letter.late()).isTrue();
			assertThat(letter.step()).isEqualTo("transforms.out.steps[1]");
			assertThat(letter.reason()).contains("late record").contains("2026-01-01T00:01:10Z");
			assertThat(letter.value().get("amount").asInt()).isEqualTo(16);
		});
		assertThat(Previews.field(result, "out", "total")).containsExactlyInAnyOrder(Previews.value("5"), Previews.value("10"));
	}

}
