package io.streamplane.spec;

import static io.streamplane.spec.Specs.VALID;
import static io.streamplane.spec.Specs.withSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/** Issue 12: the limits that keep untrusted specs from costing unbounded memory or CPU. */
class SpecLimitsTest {

	private static final String WINDOW_PATH = "transforms.enriched.steps[1].window";

	private final SpecReader reader = new SpecReader();

	@Test
	void shouldRejectAHoppingWindowOfADayAdvancingByAMillisecond() {
		SpecProblem problem = singleProblem(window("hopping: { size: 1d, advance: 1ms }"));

		assertThat(problem.path()).isEqualTo(WINDOW_PATH + ".hopping.advance");
		assertThat(problem.message()).isEqualTo("advance 1ms puts each record into 86400000 windows of size 1d, "
				+ "more than the limit of 1000; make advance at least 1m26s400ms (size / 1000)");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"tumbling: 100000d                            | .tumbling",
			"hopping: { size: 100000d, advance: 1ms }     | .hopping.size",
			"sliding: { size: 367d }                      | .sliding.size",
			"session: { gap: 400d }                       | .session.gap" })
	void shouldRejectWindowsLongerThanTheLimit(String window, String path) {
		SpecProblem problem = singleProblem(window(window));

		assertThat(problem.path()).isEqualTo(WINDOW_PATH + path);
		assertThat(problem.message()).contains("is longer than the limit of 366d; use a window of at most 366d");
	}

	@Test
	void shouldAcceptWindowsAtTheLimits() {
		reader.read(window("hopping: { size: 366d, advance: 8785m }"), SpecFormat.YAML);
		reader.read(window("hopping: { size: 1h, advance: 3600ms }"), SpecFormat.YAML);
	}

	@Test
	void shouldRejectAFeatureWindowLongerThanTheLimit() {
		SpecProblem problem = singleProblem(VALID + """
				features:
				  - name: merchant_stats
				    from: enriched
				    entity: merchant_id
				    features:
				      payments_forever: { aggregate: "count()", window: 100000d }
				""");

		assertThat(problem.path()).isEqualTo("features[0].features.payments_forever.window");
		assertThat(problem.message()).startsWith("window of 100000d is longer than the limit of 366d");
	}

	@Test
	void shouldRejectComprehensionsNestedDeeperThanTheLimit() {
		String nested = "[0,1,2,3,4,5,6,7,8,9].map(a, [0,1,2,3,4,5,6,7,8,9].map(b, [0,1,2,3,4,5,6,7,8,9]"
				+ ".map(c, [0,1,2,3,4,5,6,7,8,9].map(d, a + b + c + d)))).size() > 0";

		SpecProblem problem = singleProblem(withSteps("- filter: \"" + nested + "\""));

		assertThat(problem.path()).isEqualTo("transforms.enriched.steps[0].filter");
		assertThat(problem.message()).contains("nests 4 comprehensions (map, filter, all, exists, exists_one) in each "
				+ "other, more than the limit of 3; nest at most 3 deep");
	}

	@Test
	void shouldCountChainedComprehensionsOnce() {
		reader.read(withSteps("- filter: \"[1,2,3].filter(x, x > 1).map(x, x * 2).filter(x, x > 2).exists(x, "
				+ "[1,2].all(y, [3].exists(z, x + y > z)))\""), SpecFormat.YAML);
	}

	@Test
	void shouldStopAnEvaluationAfterTheIterationBudget() throws Exception {
		CelRuntime runtime = ExpressionEnvironment.runtimeBuilder().build();
		String range = "[" + "0,".repeat(99) + "0]";
		CelRuntime.Program program = runtime.createProgram(ExpressionEnvironment.compilerBuilder().build()
			.compile(range + ".map(a, " + range + ".map(b, " + range + ".map(c, a + b + c))).size()").getAst());

		CelEvaluationException failure = catchThrowableOfType(CelEvaluationException.class, () -> program.eval(Map.of()));

		assertThat(failure.getMessage()).contains("Iteration budget exceeded: "
				+ ExpressionEnvironment.MAX_COMPREHENSION_ITERATIONS);
	}

	private static String window(String window) {
		return withSteps("""
				- keyBy: merchant_id
				- window: { %s }
				  aggregate: { payments: "count()" }""".formatted(window));
	}

	private SpecProblem singleProblem(String yaml) {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read(yaml, SpecFormat.YAML));
		assertThat(failure).as("validation failure").isNotNull();
		assertThat(failure.problems()).hasSize(1);
		return failure.problems().getFirst();
	}

}
