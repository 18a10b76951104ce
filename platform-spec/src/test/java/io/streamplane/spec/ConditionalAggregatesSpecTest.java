package io.streamplane.spec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.streamplane.spec.Specs.VALID;
import static io.streamplane.spec.Specs.withSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 14: aggregates with a condition, validated with the path of the aggregate. */
class ConditionalAggregatesSpecTest {

	private final SpecReader reader = new SpecReader();

	@Test
	void shouldReadTheArgumentAndTheConditionOfAnAggregate() {
		PipelineSpec spec = reader.read(withSteps("""
				- keyBy: merchant_id
				- window: { tumbling: 1m }
				  aggregate: { us: "sum(amount, country == 'US')", big: "count(amount > 100.0)", all: "count()" }"""),
				SpecFormat.YAML).spec();
		Step.Window window = (Step.Window) spec.transforms().get("enriched").steps().get(1);

		assertThat(window.aggregations()).extracting(a -> a.argument().map(Expression::text).orElse(null),
				a -> a.condition().map(Expression::text).orElse(null))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("amount", "country == 'US'"),
					org.assertj.core.groups.Tuple.tuple(null, "amount > 100.0"),
					org.assertj.core.groups.Tuple.tuple(null, null));
	}

	@Test
	void shouldSplitArgumentsAtTopLevelCommasOnly() {
		PipelineSpec spec = reader.read(withSteps("""
				- running: { n: "sum(math.greatest(amount, 0.0), country in ['US', 'CA'] && merchant_id != ',')" }"""),
				SpecFormat.YAML).spec();
		Aggregation sum = ((Step.Running) spec.transforms().get("enriched").steps().getFirst()).aggregations().getFirst();

		assertThat(sum.argument().orElseThrow().text()).isEqualTo("math.greatest(amount, 0.0)");
		assertThat(sum.condition().orElseThrow().text()).isEqualTo("country in ['US', 'CA'] && merchant_id != ','");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"count(country)                  | the condition \"country\" is string, not bool",
			"sum(amount, amount)             | the condition \"amount\" is double, not bool",
			"sum(amount, country == 'US', 1) | sum takes an argument and an optional condition",
			"count(id > 1, id < 5)           | count takes no argument or one condition",
			"sum(amount, )                   | sum takes an argument and an optional condition",
			"min(amount, contry == 'US')     | undeclared reference to 'contry'" })
	void shouldNameTheAggregateOfABadCondition(String aggregate, String message) {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class, () -> reader.read(
				withSteps("- running: { x: \"" + aggregate + "\" }"), SpecFormat.YAML));

		assertThat(failure.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.path()).isEqualTo("transforms.enriched.steps[0].running.x");
			assertThat(problem.message()).contains(message);
		});
	}

	@Test
	void shouldRejectAConditionInAFeatureView() {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class, () -> reader.read(VALID + """
				features:
				  - name: merchant_stats
				    from: enriched
				    entity: merchant_id
				    features:
				      us_5m: { aggregate: "count(country == 'US')", window: 5m }
				""", SpecFormat.YAML));

		assertThat(failure.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.path()).isEqualTo("features[0].features.us_5m.aggregate");
			assertThat(problem.message()).startsWith("a feature takes no condition");
		});
	}

	@Test
	void shouldRejectPreviousInAWindowWithThePathOfTheAggregate() {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class, () -> reader.read(withSteps("""
				- keyBy: merchant_id
				- window: { tumbling: 1m }
				  aggregate: { before: "previous(amount)" }"""), SpecFormat.YAML));

		assertThat(failure.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.path()).isEqualTo("transforms.enriched.steps[1].aggregate.before");
			assertThat(problem.message()).startsWith("previous(x) is the value at the key's record before the current one");
		});
	}

}
