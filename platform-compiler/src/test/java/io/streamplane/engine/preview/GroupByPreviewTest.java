package io.streamplane.engine.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.streamplane.engine.preview.Previews.json;
import static io.streamplane.engine.preview.Previews.spec;
import static io.streamplane.engine.preview.Previews.values;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18: a group-by over a table through preview: rows move between groups, counts go down, groups retract. */
class GroupByPreviewTest {

	private static final String ORDERS_BY_REGION = """
			name: orders-by-region
			tables:
			  orders: { kafka: { topic: orders }, primaryKey: [order_id] }
			transforms:
			  regions:
			    from: orders
			    steps:
			      - groupBy: %s
			        aggregate: %s
			outputs:
			  - { from: regions, kafka: { topic: regions } }
			""";

	private final PipelinePreview preview = new PipelinePreview();

	private static PreviewInput order(int id, String region, long amount) {
		return PreviewInput.tableChange("orders", Integer.toString(id),
				json("{\"order_id\": " + id + ", \"region\": \"" + region + "\", \"amount\": " + amount + "}"));
	}

	private static PreviewInput deleted(int id) {
		return PreviewInput.tableChange("orders", Integer.toString(id), null);
	}

	private List<Object> run(String groupBy, String aggregate, PreviewInput... inputs) {
		PreviewResult result = preview.run(spec(ORDERS_BY_REGION.formatted(groupBy, aggregate)), List.of(inputs));
		assertThat(result.deadLetters()).isEmpty();
		return values(result, "regions");
	}

	@Test
	void shouldMoveARowBetweenGroupsAndRetractAGroupWhoseLastRowLeaves() {
		List<Object> changes = run("[region]", "{ orders: \"count()\", revenue: \"sum(amount)\" }",
				order(1, "eu", 10), order(2, "eu", 5), order(3, "us", 7),
				order(2, "us", 5),
				deleted(1));

		assertThat(changes).containsExactly(
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"orders\": 1, \"revenue\": 10}"),
				Previews.value("{\"op\": \"-\", \"region\": \"eu\", \"orders\": 1, \"revenue\": 10}"),
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"orders\": 2, \"revenue\": 15}"),
				Previews.value("{\"op\": \"+\", \"region\": \"us\", \"orders\": 1, \"revenue\": 7}"),
				Previews.value("{\"op\": \"-\", \"region\": \"eu\", \"orders\": 2, \"revenue\": 15}"),
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"orders\": 1, \"revenue\": 10}"),
				Previews.value("{\"op\": \"-\", \"region\": \"us\", \"orders\": 1, \"revenue\": 7}"),
				Previews.value("{\"op\": \"+\", \"region\": \"us\", \"orders\": 2, \"revenue\": 12}"),
				Previews.value("{\"op\": \"-\", \"region\": \"eu\", \"orders\": 1, \"revenue\": 10}"));
	}

	@Test
	void shouldRevealTheNextExtremeWhenTheExtremeRowLeaves() {
		List<Object> changes = run("region", "{ low: \"min(amount)\", high: \"max(amount)\", kinds: \"count_distinct(amount)\" }",
				order(1, "eu", 10), order(2, "eu", 5), order(3, "eu", 10), deleted(2), deleted(1));

		assertThat(changes).last().isEqualTo(Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"low\": 10, \"high\": 10, \"kinds\": 1}"));
		assertThat(changes).contains(
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"low\": 5, \"high\": 10, \"kinds\": 2}"),
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"low\": 10, \"high\": 10, \"kinds\": 1}"));
	}

	@Test
	void shouldRetractAGroupThatHavingExcludesAndCountOnlyRowsMeetingTheCondition() {
		List<Object> changes = run("{ by: [region], having: \"orders >= 2\" }",
				"{ orders: \"count()\", big: \"count(amount >= 10)\", avg: \"avg(amount)\" }",
				order(1, "eu", 10), order(2, "eu", 4), order(2, "us", 4));

		assertThat(changes).containsExactly(
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"orders\": 2, \"big\": 1, \"avg\": 7.0}"),
				Previews.value("{\"op\": \"-\", \"region\": \"eu\", \"orders\": 2, \"big\": 1, \"avg\": 7.0}"));
	}

	@Test
	void shouldKeyAGroupOfSeveralFieldsByTheJsonListOfItsValues() {
		PreviewResult result = preview.run(spec(ORDERS_BY_REGION.formatted("[region, amount]", "{ n: \"count()\" }")),
				List.of(order(1, "eu", 10)));

		assertThat(result.outputs().get("regions")).extracting(PreviewOutput::key).containsExactly("[\"eu\",10]");
	}

	@Test
	void shouldReEmitAGroupOnceWhenARowChangesWithinIt() {
		List<Object> changes = run("region", "{ orders: \"count()\", revenue: \"sum(amount)\" }",
				order(1, "eu", 10), order(1, "eu", 20));

		assertThat(changes).containsExactly(
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"orders\": 1, \"revenue\": 10}"),
				Previews.value("{\"op\": \"-\", \"region\": \"eu\", \"orders\": 1, \"revenue\": 10}"),
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"orders\": 1, \"revenue\": 20}"));
	}

	@Test
	void shouldGroupTheGroupsOfAGroupBy() {
		String pipeline = """
				name: regions-by-size
				tables:
				  orders: { kafka: { topic: orders }, primaryKey: [order_id] }
				transforms:
				  sizes:
				    from: orders
				    steps:
				      - groupBy: region
				        aggregate: { orders: "count()" }
				      - groupBy: orders
				        aggregate: { regions: "count()" }
				outputs:
				  - { from: sizes, kafka: { topic: sizes } }
				""";
		PreviewResult result = preview.run(spec(pipeline), List.of(order(1, "eu", 1), order(2, "us", 1), order(3, "eu", 1)));

		assertThat(values(result, "sizes")).last()
			.isEqualTo(Previews.value("{\"op\": \"+\", \"orders\": 2, \"regions\": 1}"));
		assertThat(result.outputs().get("sizes")).extracting(PreviewOutput::key).last().isEqualTo("2");
	}

	@Test
	void shouldDeadLetterARowWhoseAggregateFailsAndTakeItOutOfItsGroup() {
		PreviewResult result = preview.run(spec(ORDERS_BY_REGION.formatted("region", "{ revenue: \"sum(amount)\" }")),
				List.of(order(1, "eu", 10), PreviewInput.tableChange("orders", "1",
						json("{\"order_id\": 1, \"region\": \"eu\", \"amount\": \"ten\"}"))));

		assertThat(values(result, "regions")).containsExactly(
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"revenue\": 10}"),
				Previews.value("{\"op\": \"-\", \"region\": \"eu\", \"revenue\": 10}"));
		assertThat(result.deadLetters()).singleElement().satisfies(deadLetter ->
				assertThat(deadLetter.toString()).contains("transforms.regions.steps[0]", "needs a number"));
	}

	@Test
	void shouldMoveOrdersToTheNewTierWhenTheirCustomerChangesTierInTheExample() throws IOException {
		String example = Files.readString(TestFiles.examples().resolve("revenue-by-tier.yaml"));
		PreviewResult result = preview.run(spec(example), List.of(
				PreviewInput.tableChange("customers", "7", json("{\"customer_id\": 7, \"tier\": \"gold\"}")),
				PreviewInput.tableChange("customers", "8", json("{\"customer_id\": 8, \"tier\": \"gold\"}")),
				PreviewInput.tableChange("orders", "1", json("{\"order_id\": 1, \"customer_id\": 7, \"amount\": 100}")),
				PreviewInput.tableChange("orders", "2", json("{\"order_id\": 2, \"customer_id\": 7, \"amount\": 50}")),
				PreviewInput.tableChange("orders", "3", json("{\"order_id\": 3, \"customer_id\": 8, \"amount\": 30}")),
				PreviewInput.tableChange("customers", "7", json("{\"customer_id\": 7, \"tier\": \"platinum\"}"))));

		assertThat(result.deadLetters()).isEmpty();
		List<Object> changes = values(result, "revenue-by-tier");
		assertThat(changes).contains(Previews.value("{\"op\": \"+\", \"tier\": \"gold\", \"orders\": 3, " +
				"\"revenue\": 180, \"average\": 60.0, \"customers\": 2, \"large\": 1}"));
		assertThat(changes).last().isEqualTo(Previews.value("{\"op\": \"+\", \"tier\": \"platinum\", \"orders\": 2, " +
				"\"revenue\": 150, \"average\": 75.0, \"customers\": 1, \"large\": 1}"));
		assertThat(changes).filteredOn(change -> change.toString().contains("gold")).last()
			.as("gold keeps one order, fewer than having asks").isEqualTo(Previews.value("{\"op\": \"-\", " +
				"\"tier\": \"gold\", \"orders\": 2, \"revenue\": 80, \"average\": 40.0, \"customers\": 2, \"large\": 0}"));
	}

}
