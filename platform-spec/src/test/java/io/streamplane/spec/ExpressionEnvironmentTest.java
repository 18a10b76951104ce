package io.streamplane.spec;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import static org.assertj.core.api.Assertions.assertThat;

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

}
