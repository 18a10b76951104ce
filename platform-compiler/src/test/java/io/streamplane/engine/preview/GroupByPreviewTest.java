package io.streamplane.engine.preview;

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

}
