package io.streamplane.spec;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Issue 18: {@code groupBy} over a table, with {@code aggregate} and {@code having}; each problem at its path. */
class GroupBySpecTest {

	private static final String STEP = "transforms.by_region.steps[0]";

	private static final String SPEC = """
			name: shop
			sources:
			  payments:
			    kafka: { topic: payments }
			    fields: { id: int, amount: double }
			tables:
			  orders:
			    kafka: { topic: orders }
			    primaryKey: [order_id]
			transforms:
			  by_region:
			    from: orders
			    steps:
			      - groupBy: { by: [region, tier], having: "orders >= 2" }
			        aggregate: { orders: "count()", revenue: "sum(amount)", big: "count(amount >= 100)" }
			      - filter: "revenue > 0"
			outputs:
			  - { from: by_region, kafka: { topic: regions } }
			""";

	private final SpecReader reader = new SpecReader();

	@Test
	void shouldBindTheGroupTheAggregatesAndHaving() {
		Step.GroupBy step = (Step.GroupBy) reader.read(SPEC, SpecFormat.YAML).spec().transforms().get("by_region")
			.steps().getFirst();

		assertThat(step.by()).containsExactly("region", "tier");
		assertThat(step.aggregations()).extracting(Aggregation::name).containsExactly("orders", "revenue", "big");
		assertThat(step.aggregations().get(2).condition()).isPresent();
		assertThat(step.having()).map(Expression::text).contains("orders >= 2");
	}

	@Test
	void shouldTakeOneFieldOrAListAsShortForms() {
		String oneField = SPEC.replace("{ by: [region, tier], having: \"orders >= 2\" }", "region");
		String list = SPEC.replace("{ by: [region, tier], having: \"orders >= 2\" }", "[region, tier]");

		Step.GroupBy one = (Step.GroupBy) reader.read(oneField, SpecFormat.YAML).spec().transforms().get("by_region")
			.steps().getFirst();
		Step.GroupBy two = (Step.GroupBy) reader.read(list, SpecFormat.YAML).spec().transforms().get("by_region")
			.steps().getFirst();

		assertThat(one.by()).isEqualTo(List.of("region"));
		assertThat(one.having()).isEmpty();
		assertThat(two.by()).isEqualTo(List.of("region", "tier"));
	}

	@Test
	void shouldLetPerRowStepsFollowTheGroups() {
		String grouped = SPEC.replace("      - filter: \"revenue > 0\"\n",
				"      - set: { per_order: \"revenue / double(orders)\" }\n      - select: [region, per_order]\n");

		assertThat(reader.read(grouped, SpecFormat.YAML).spec().transforms().get("by_region").steps()).hasSize(3);
	}

	static Stream<Arguments> invalidSpecs() {
		return Stream.of(
				arguments("a stream", SPEC.replace("from: orders", "from: payments")
					.replace("by: [region, tier]", "by: [id]").replace("sum(amount)", "sum(id)"), STEP + ".groupBy",
						"groupBy aggregates the rows of a table, and these records are a stream of events"),
				arguments("no by", SPEC.replace("by: [region, tier], ", ""), STEP + ".groupBy.by", "missing required field 'by'"),
				arguments("empty by", SPEC.replace("[region, tier]", "[]"), STEP + ".groupBy.by",
						"groupBy needs at least one field"),
				arguments("repeated field", SPEC.replace("[region, tier]", "[region, region]"), STEP + ".groupBy.by[1]",
						"field 'region' is listed twice"),
				arguments("not a name", SPEC.replace("[region, tier]", "[region, 7]"), STEP + ".groupBy.by[1]",
						"expected a field name, got number 7"),
				arguments("unknown field", SPEC.replace("by: [region, tier]", "by: [regoin]").replace("from: orders",
						"from: shaped").replace("transforms:\n", """
						transforms:
						  shaped:
						    from: orders
						    steps:
						      - select: [order_id, region, amount]
						""")
					.replace("orders >= 2", "true"), STEP.replace("by_region", "by_region") + ".groupBy.by[0]",
						"unknown field 'regoin'; did you mean 'region'?"),
				arguments("unknown option", SPEC.replace("having:", "where:"), STEP + ".groupBy.where",
						"unknown field 'where'"),
				arguments("no aggregate", SPEC.replace("        aggregate: { orders: \"count()\", revenue: \"sum(amount)\", " +
						"big: \"count(amount >= 100)\" }\n", ""), STEP + ".aggregate", "missing required field 'aggregate'"),
				arguments("order-dependent aggregate", SPEC.replace("sum(amount)", "last(amount)"), STEP + ".aggregate.revenue",
						"last depends on the order of records, which the rows of a table do not have"),
				arguments("clash with the group", SPEC.replace("revenue: \"sum(amount)\"", "region: \"sum(amount)\""),
						STEP + ".aggregate.region", "aggregation 'region' clashes with"),
				arguments("having not bool", SPEC.replace("orders >= 2", "orders + 1"), STEP + ".groupBy.having",
						"having must be a bool expression over the group's fields and aggregates, but \"orders + 1\" is int"),
				arguments("having on a row field", SPEC.replace("orders >= 2", "amount > 1"), STEP + ".groupBy.having",
						"amount"),
				arguments("row field after the group", SPEC.replace("revenue > 0", "amount > 0"), "transforms.by_region.steps[1].filter",
						"amount"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSpecs")
	void shouldReportTheProblemAtItsPath(String description, String yaml, String path, String message) {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read(yaml, SpecFormat.YAML));

		assertThat(failure).as(description).isNotNull();
		assertThat(failure.problems()).as(description + ": " + failure.problems())
			.anySatisfy(problem -> {
				assertThat(problem.path()).isEqualTo(path);
				assertThat(problem.message()).contains(message);
			});
	}

	@Test
	void shouldReportEveryProblemOfAStepAtOnce() {
		String yaml = SPEC.replace("[region, tier]", "[region, region]").replace("sum(amount)", "collect(amount)")
			.replace("orders >= 2", "orders + 1");

		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read(yaml, SpecFormat.YAML));

		assertThat(failure.problems()).extracting(SpecProblem::path)
			.contains(STEP + ".groupBy.by[1]", STEP + ".aggregate.revenue", STEP + ".groupBy.having");
	}

}
