package io.streamplane.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.streamplane.spec.Specs.withSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The per-key state steps: what they bind to, and every problem at its path. */
class KeyedStateSpecTest {

	private static final String STEP = "transforms.enriched.steps[0]";

	private final SpecReader reader = new SpecReader();

	private List<Step> steps(String yaml) {
		return reader.read(withSteps(yaml), SpecFormat.YAML).spec().transforms().get("enriched").steps();
	}

	@Test
	void shouldBindEveryPerKeyStepWithItsDefaults() {
		List<Step> steps = steps("""
				- dedupe: { within: 10m }
				- dedupe: { by: id, within: 1h30m }
				- running: { events: "count()", spent: "sum(amount)" }
				- crossing: { value: spent, thresholds: [100, 1000.5] }
				- changes: { of: country }
				- changes: { of: country, previous: was }
				- select: [events, spent, threshold, was]""");

		assertThat(steps.get(0)).isEqualTo(new Step.Dedupe(Optional.empty(), Duration.ofMinutes(10)));
		assertThat(steps.get(1)).isInstanceOfSatisfying(Step.Dedupe.class, dedupe -> {
			assertThat(dedupe.by()).map(Expression::text).contains("id");
			assertThat(dedupe.within()).isEqualTo(Duration.ofMinutes(90));
		});
		assertThat(steps.get(2)).isInstanceOfSatisfying(Step.Running.class, running -> assertThat(running.aggregations())
			.extracting(Aggregation::name, Aggregation::function)
			.containsExactly(Tuple.tuple("events", AggregateFunction.COUNT),
					Tuple.tuple("spent", AggregateFunction.SUM)));
		assertThat(steps.get(3)).isInstanceOfSatisfying(Step.Crossing.class, crossing -> {
			assertThat(crossing.thresholds()).containsExactly(100L, 1000.5);
			assertThat(crossing.field()).isEqualTo(Step.Crossing.DEFAULT_FIELD);
		});
		assertThat(steps.get(4)).isInstanceOfSatisfying(Step.Changes.class,
				changes -> assertThat(changes.previous()).isEmpty());
		assertThat(steps.get(5)).isInstanceOfSatisfying(Step.Changes.class,
				changes -> assertThat(changes.previous()).contains("was"));
	}

	static Stream<Arguments> invalidSteps() {
		return Stream.of(
				arguments("dedupe without within", "- dedupe: { by: id }", STEP + ".dedupe.within",
						"missing required field 'within'"),
				arguments("dedupe of zero", "- dedupe: { within: 0s }", STEP + ".dedupe.within",
						"expected a positive duration like 5m, got \"0s\""),
				arguments("dedupe misspelt field", "- dedupe: { within: 1m, bye: id }", STEP + ".dedupe.bye",
						"unknown field 'bye'; did you mean 'by'?"),
				arguments("dedupe by unknown field", "- dedupe: { by: event_id, within: 1m }", STEP + ".dedupe.by",
						"undeclared reference to 'event_id'"),
				arguments("running not an object", "- running: count()", STEP + ".running",
						"running needs an object of name: \"function(argument)\""),
				arguments("running empty", "- running: {}", STEP + ".running",
						"running needs an object of name: \"function(argument)\""),
				arguments("running collect", "- running: { all: \"collect(amount)\" }", STEP + ".running.all",
						"collect keeps every value and would grow without bound"),
				arguments("running unknown function", "- running: { m: \"median(amount)\" }", STEP + ".running.m",
						"unknown aggregate function 'median'"),
				arguments("running sum of a string", "- running: { s: \"sum(country)\" }", STEP + ".running.s",
						"sum needs a number, but \"country\" is string"),
				arguments("crossing of a string", "- crossing: { value: country, thresholds: [1] }", STEP + ".crossing.value",
						"crossing needs a number, but \"country\" is string"),
				arguments("crossing without thresholds", "- crossing: { value: amount }", STEP + ".crossing.thresholds",
						"missing required field 'thresholds'"),
				arguments("crossing empty thresholds", "- crossing: { value: amount, thresholds: [] }",
						STEP + ".crossing.thresholds", "crossing needs at least one threshold"),
				arguments("crossing unsorted thresholds", "- crossing: { value: amount, thresholds: [10, 5] }",
						STEP + ".crossing.thresholds[1]", "thresholds must be strictly ascending, but 5 follows 10"),
				arguments("crossing threshold not a number", "- crossing: { value: amount, thresholds: [ten] }",
						STEP + ".crossing.thresholds[0]", "expected a number, got \"ten\""),
				arguments("crossing as reserved", "- crossing: { value: amount, thresholds: [1], as: key }",
						STEP + ".crossing.as", "'key' is reserved"),
				arguments("changes without of", "- changes: { previous: was }", STEP + ".changes.of",
						"missing required field 'of'"),
				arguments("changes previous invalid", "- changes: { of: country, previous: 'was it' }",
						STEP + ".changes.previous", "invalid field name 'was it'"),
				arguments("field of running used before", "- filter: \"events > 1\"\n- running: { events: \"count()\" }",
						"transforms.enriched.steps[0].filter", "undeclared reference to 'events'"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSteps")
	void shouldReportTheProblemAtItsPath(String description, String steps, String path, String message) {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read(withSteps(steps), SpecFormat.YAML));

		assertThat(failure).as(description).isNotNull();
		assertThat(failure.problems()).as(description).anySatisfy(problem -> {
			assertThat(problem.path()).isEqualTo(path);
			assertThat(problem.message()).contains(message);
		});
	}

}
