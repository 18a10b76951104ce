package io.streamplane.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.streamplane.spec.Specs.VALID;
import static io.streamplane.spec.Specs.withSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 18: a sum or an average declared an exact decimal, {@code sum(amount) as decimal(18, 2)}. */
class DecimalAggregatesSpecTest {

	private final SpecReader reader = new SpecReader();

	@Test
	void shouldReadTheDeclaredDecimalTypeWithAndWithoutACondition() {
		PipelineSpec spec = reader.read(withSteps("""
				- keyBy: merchant_id
				- window: { tumbling: 1m }
				  aggregate:
				    total: "sum(amount) as decimal(18, 2)"
				    us: "sum(amount, country == 'US') AS DECIMAL(10,2)"
				    mean: "avg(amount) as decimal(38)"
				    plain: "sum(amount)"
				- set: { cents: "total + ' EUR'" }"""), SpecFormat.YAML).spec();
		Step.Window window = (Step.Window) spec.transforms().get("enriched").steps().get(1);

		assertThat(window.aggregations()).extracting(Aggregation::decimal).containsExactly(
				Optional.of(new DecimalType(18, 2)), Optional.of(new DecimalType(10, 2)), Optional.of(new DecimalType(38, 0)),
				Optional.empty());
		assertThat(window.aggregations().get(1).condition().orElseThrow().text()).isEqualTo("country == 'US'");
	}

	@Test
	void shouldBeAcceptedByTheJsonSchemaInEveryStepThatAggregates() {
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(PipelineSchema.json());
		String spec = withSteps("""
				- keyBy: merchant_id
				- running: { spent: "sum(amount) as decimal(18, 2)" }
				- rolling: { range: 1h, slice: 1m }
				  aggregate: { spent_1h: "avg(amount) as decimal(18, 4)" }
				- window: { tumbling: 1m }
				  aggregate: { total: "sum(amount, country == 'US') as decimal(18, 2)" }""");

		List<Error> errors = schema.validate(spec, InputFormat.YAML);

		assertThat(errors).isEmpty();
		assertThat(reader.read(spec, SpecFormat.YAML).spec().transforms()).containsKey("enriched");
	}

	@Test
	void shouldLeaveAsInsideAConditionToTheCondition() {
		PipelineSpec spec = reader.read(withSteps("- running: { n: \"count(merchant_id == 'x) as y')\" }"),
				SpecFormat.YAML).spec();
		Aggregation count = ((Step.Running) spec.transforms().get("enriched").steps().getFirst()).aggregations().getFirst();

		assertThat(count.condition().orElseThrow().text()).isEqualTo("merchant_id == 'x) as y'");
		assertThat(count.decimal()).isEmpty();
	}

	@Test
	void shouldTakeAmountsWrittenAsStrings() {
		PipelineSpec spec = reader.read(withSteps("- running: { total: \"sum(string(amount)) as decimal(12, 2)\" }"),
				SpecFormat.YAML).spec();

		assertThat(((Step.Running) spec.transforms().get("enriched").steps().getFirst()).aggregations().getFirst()
			.decimal()).contains(new DecimalType(12, 2));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"sum(amount) as decimal(2, 3)      | scale 3 exceeds precision 2",
			"sum(amount) as decimal(39, 2)     | precision 39 must be 1 to 38",
			"sum(amount) as decimal(0)         | precision 0 must be 1 to 38",
			"sum(amount) as decimal(p, 2)      | precision and scale must be whole numbers",
			"sum(amount) as decimal(18, -1)    | precision and scale must be whole numbers",
			"sum(amount) as decimal            | precision and scale must be whole numbers",
			"sum(amount) as numeric(18, 2)     | unknown result type \"numeric(18, 2)\"",
			"max(amount) as decimal(18, 2)     | only sum and avg take a decimal type",
			"sum(merchant_id == 'a') as decimal(18, 2) | needs a number or a string holding one, but \"merchant_id == 'a'\" is bool" })
	void shouldReportABadDeclarationWithThePathOfTheAggregate(String aggregate, String message) {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class, () -> reader.read(
				withSteps("- running: { total: \"" + aggregate.replace("\"", "\\\"") + "\" }"), SpecFormat.YAML));

		assertThat(failure.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.path()).isEqualTo("transforms.enriched.steps[0].running.total");
			assertThat(problem.message()).contains(message);
		});
	}

	@Test
	void shouldSuggestADecimalForASumOfStrings() {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class, () -> reader.read(
				withSteps("- running: { total: \"sum(merchant_id)\" }"), SpecFormat.YAML));

		assertThat(failure.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
			.endsWith("or sum(merchant_id) as decimal(18, 2) for amounts written as strings"));
	}

	@Test
	void shouldBindADecimalFeatureWithItsTypeInItsPartialId() {
		String yaml = VALID + """
				features:
				  - name: merchant_stats
				    from: enriched
				    entity: merchant_id
				    features:
				      spent_5m: { aggregate: "sum(amount) as decimal(18, 2)", window: 5m }
				      spent_1h: { aggregate: "sum(amount) as decimal(18, 2)", window: 1h }
				      mean_5m: { aggregate: "avg(amount) as decimal(18, 4)", window: 5m }
				      spent_double_5m: { aggregate: "sum(amount)", window: 5m }
				""";
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(PipelineSchema.json());

		PipelineSpec spec = reader.read(yaml, SpecFormat.YAML).spec();

		assertThat(schema.validate(yaml, InputFormat.YAML)).isEmpty();

		Map<String, FeatureDefinition> features = spec.features().getFirst().features();
		assertThat(features.get("spent_5m").decimal()).contains(new DecimalType(18, 2));
		assertThat(features.get("spent_5m").partialId()).isEqualTo("sum(amount) as decimal(18, 2)")
			.isEqualTo(features.get("spent_1h").partialId());
		assertThat(features.get("mean_5m").partialId()).isEqualTo("avg(amount) as decimal(18, 4)");
		assertThat(features.get("spent_double_5m").decimal()).isEmpty();
		assertThat(features.get("spent_double_5m").partialId()).isEqualTo("sum(amount)");
	}

}
