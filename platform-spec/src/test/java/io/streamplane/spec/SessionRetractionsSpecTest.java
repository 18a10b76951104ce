package io.streamplane.spec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 18: nothing but an output follows a session window with {@code emit: updates}, whose rows include retractions. */
class SessionRetractionsSpecTest {

	private static final String SESSIONS = """
			- keyBy: merchant_id
			- window: { session: { gap: 5m }, emit: updates }
			  aggregate: { n: "count()" }
			""";

	private final SpecReader reader = new SpecReader();

	@Test
	void shouldWriteSessionUpdatesToAnOutput() {
		assertThat(reader.read(Specs.withSteps(SESSIONS), SpecFormat.YAML).spec().transforms()).containsKey("enriched");
	}

	@Test
	void shouldRejectAStepAfterSessionsEmittingUpdates() {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read(Specs.withSteps(SESSIONS + "- filter: \"n > 1\"\n"), SpecFormat.YAML));

		assertThat(failure.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.path()).isEqualTo("transforms.enriched.steps[2]");
			assertThat(problem.message()).contains("follows a session window with emit: updates")
				.contains("use emit: final");
		});
	}

	@Test
	void shouldRejectATransformReadingSessionsEmittingUpdates() {
		String yaml = Specs.withSteps(SESSIONS).replace("outputs:", """
				  busy:
				    from: enriched
				    steps:
				      - filter: "n > 1"
				outputs:""");

		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read(yaml, SpecFormat.YAML));

		assertThat(failure.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.path()).isEqualTo("transforms.busy.from");
			assertThat(problem.message()).contains("reads 'enriched', which follows a session window");
		});
	}

	@Test
	void shouldAcceptStepsAfterSessionsEmittingFinalResults() {
		String yaml = Specs.withSteps(SESSIONS.replace("emit: updates", "emit: final") + "- filter: \"n > 1\"\n");

		assertThat(reader.read(yaml, SpecFormat.YAML).spec().transforms().get("enriched").steps()).hasSize(3);
	}

}
