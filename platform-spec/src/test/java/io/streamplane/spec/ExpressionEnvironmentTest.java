package io.streamplane.spec;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ExpressionEnvironmentTest {

	private final CelRuntime runtime = ExpressionEnvironment.runtimeBuilder().build();

	@Test
	void shouldEvaluateTheCheckedTreesOfTheSpecWithoutRecompiling() throws CelEvaluationException {
		PipelineSpec spec = new SpecReader().read(Specs.withSteps("""
				- set: { is_high_value: "amount >= 1000" }
				- explode: { field: word, from: "country.split(' ')" }"""), SpecFormat.YAML).spec();
		List<Step> steps = spec.transforms().get("enriched").steps();
		Expression highValue = ((Step.SetFields) steps.get(0)).fields().get("is_high_value");
		Expression words = ((Step.Explode) steps.get(1)).from();

		Object flagged = runtime.createProgram(highValue.ast()).eval(Map.of("amount", 1500.0, "key", "u2"));
		Object split = runtime.createProgram(words.ast()).eval(Map.of("country", "hello kafka", "key", "u1"));

		assertThat(flagged).isEqualTo(true);
		assertThat(split).isEqualTo(List.of("hello", "kafka"));
	}

	@Test
	void shouldEvaluateTheMathListAndSetExtensionsOverDeclaredFields() throws CelEvaluationException {
		Map<String, Expression> fields = setFields(Specs.withSteps("""
				- set:
				    magnitude: "math.abs(amount)"
				    capped: "math.least(amount, 100.0)"
				    floor: "math.greatest(amount, 0, -5.5)"
				    rounded: "math.round(amount)"
				    codes: "[country, 'US', country].distinct().sort()"
				    domestic: "sets.contains(['US', 'CA'], [country])"
				    tail: "['a', 'b', 'c'].slice(1, 3)"
				    upper: "country.upperAscii()"
				"""));
		Map<String, Object> record = Map.of("amount", -150.4, "country", "CA", "key", "k");

		assertThat(eval(fields.get("magnitude"), record)).isEqualTo(150.4);
		assertThat(eval(fields.get("capped"), record)).isEqualTo(-150.4);
		assertThat(eval(fields.get("floor"), record)).isEqualTo(0L);
		assertThat(eval(fields.get("rounded"), record)).isEqualTo(-150.0);
		assertThat(eval(fields.get("codes"), record)).isEqualTo(List.of("CA", "US"));
		assertThat(eval(fields.get("domestic"), record)).isEqualTo(true);
		assertThat(eval(fields.get("tail"), record)).isEqualTo(List.of("b", "c"));
		assertThat(eval(fields.get("upper"), record)).isEqualTo("CA");
	}

	@Test
	void shouldResolveExtensionFunctionsOverAnOpenSchema() throws CelEvaluationException {
		Map<String, Expression> fields = setFields(Specs.withSteps("- set: { spread: \"math.abs(a - b)\" }")
			.replace("    fields: { id: int, amount: double, country: string, ts: int, merchant_id: string }\n", ""));
		Expression spread = fields.get("spread");

		assertThat(spread.variables()).containsOnlyKeys("a", "b");
		assertThat(eval(spread, Map.of("a", 3L, "b", 10L, "key", "k"))).isEqualTo(7L);
	}

	@Test
	void shouldRejectListsRangeWhoseSizeTheExpressionChooses() {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> new SpecReader().read(Specs.withSteps("- filter: \"lists.range(1000000000).size() > 0\""),
						SpecFormat.YAML));

		assertThat(failure.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.path()).isEqualTo("transforms.enriched.steps[0].filter");
			assertThat(problem.message()).startsWith("unknown function 'range'").contains("not lists.range");
		});
	}

	private static Map<String, Expression> setFields(String yaml) {
		PipelineSpec spec = new SpecReader().read(yaml, SpecFormat.YAML).spec();
		return ((Step.SetFields) spec.transforms().get("enriched").steps().getFirst()).fields();
	}

	private Object eval(Expression expression, Map<String, Object> record) throws CelEvaluationException {
		return runtime.createProgram(expression.ast()).eval(record);
	}

}
