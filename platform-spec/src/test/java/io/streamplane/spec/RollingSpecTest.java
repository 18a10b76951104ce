package io.streamplane.spec;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.streamplane.spec.Specs.withSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 14: the rolling step, {@code rolling: { range, slice }} with {@code aggregate}. */
class RollingSpecTest {

	private static final String STEP = "transforms.enriched.steps[1]";

	private final SpecReader reader = new SpecReader();

	private static String rolling(String rolling, String aggregate) {
		return withSteps("""
				- keyBy: merchant_id
				- rolling: { %s }
				  aggregate: { %s }
				- filter: "payments_24h >= 0\"""".formatted(rolling, aggregate));
	}

	@Test
	void shouldReadTheRangeTheSliceAndTheAggregatesAddedToTheRecord() {
		PipelineSpec spec = reader.read(rolling("range: 24h, slice: 5m",
				"payments_24h: \"count()\", us: \"sum(amount, country == 'US')\""), SpecFormat.YAML).spec();
		Step.Rolling step = (Step.Rolling) spec.transforms().get("enriched").steps().get(1);

		assertThat(step.range()).isEqualTo(Duration.ofHours(24));
		assertThat(step.slice()).isEqualTo(Duration.ofMinutes(5));
		assertThat(step.slices()).isEqualTo(288);
		assertThat(step.aggregations()).extracting(Aggregation::name).containsExactly("payments_24h", "us");
	}

	@Test
	void shouldSliceARangeIntoSixtyByDefault() {
		PipelineSpec spec = reader.read(rolling("range: 24h", "payments_24h: \"count()\""), SpecFormat.YAML).spec();

		assertThat(((Step.Rolling) spec.transforms().get("enriched").steps().get(1)).slice())
			.isEqualTo(Duration.ofMinutes(24));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"range: 24h, slice: 7m     | payments_24h: \"count()\"         | .rolling.slice   | slice 7m does not divide range 1d; use a slice that does, e.g. 24m",
			"range: 24h, slice: 1s     | payments_24h: \"count()\"         | .rolling.slice   | slice 1s cuts range 1d into 86400 slices, more than the limit of 1000; make slice at least 1m26s400ms",
			"range: 400d               | payments_24h: \"count()\"         | .rolling.range   | window of 400d is longer than the limit of 366d",
			"slice: 1m                 | payments_24h: \"count()\"         | .rolling.range   | missing required field 'range'",
			"range: 1h, size: 1m       | payments_24h: \"count()\"         | .rolling.size    | unknown field 'size'",
			"range: 1h                 | payments_24h: \"collect(amount)\" | .aggregate.payments_24h | collect keeps every value of the range",
			"range: 1h                 | payments_24h: \"previous(amount)\" | .aggregate.payments_24h | previous(x) belongs to a running step" })
	void shouldNameThePathOfABadRollingStep(String rolling, String aggregate, String path, String message) {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read(rolling(rolling, aggregate), SpecFormat.YAML));

		assertThat(failure).as("validation failure").isNotNull();
		assertThat(failure.problems()).anySatisfy(problem -> {
			assertThat(problem.path()).isEqualTo(STEP + path);
			assertThat(problem.message()).startsWith(message);
		});
	}

}
