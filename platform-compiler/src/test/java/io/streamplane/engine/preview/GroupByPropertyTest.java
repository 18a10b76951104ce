package io.streamplane.engine.preview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.streamplane.spec.PipelineSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.streamplane.engine.preview.Previews.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, property: after random inserts, updates (that move rows between groups) and deletes of
 * a table's rows, the change stream of a group-by, folded into a table (a {@code +} upserts its key,
 * a {@code -} deletes it and must be the exact twin of the row it retracts), equals the group-by
 * computed from scratch over the table's final rows. Each seed is one random history, the same
 * answer every run; rows whose amount is not a number are dead-lettered and belong to no group.
 */
class GroupByPropertyTest {

	/** Seeds run by default; {@code -Dgroupby.seeds=1000} runs more. */
	private static final int SEEDS = Integer.getInteger("groupby.seeds", 20);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> REGIONS = List.of("eu", "us", "apac");

	private static final List<String> TIERS = List.of("free", "pro");

	private static final PipelineSpec SPEC = spec("""
			name: groups
			tables:
			  orders: { kafka: { topic: orders }, primaryKey: [id] }
			transforms:
			  by_region:
			    from: orders
			    steps:
			      - groupBy: { by: [region], having: "n >= 2" }
			        aggregate:
			          n: "count()"
			          big: "count(amount >= 10)"
			          total: "sum(amount)"
			          mean: "avg(amount)"
			          low: "min(amount)"
			          high: "max(amount)"
			          tiers: "count_distinct(tier)"
			  by_region_tier:
			    from: orders
			    steps:
			      - groupBy: [region, tier]
			        aggregate: { n: "count()", big_total: "sum(amount, amount >= 10)" }
			outputs:
			  - { from: by_region, kafka: { topic: by-region } }
			  - { from: by_region_tier, kafka: { topic: by-region-tier } }
			""");

	static Stream<Long> seeds() {
		return LongStream.range(0, SEEDS).boxed();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void shouldFoldIntoTheGroupByOfTheFinalTable(long seed) {
		Random random = new Random(seed);
		Map<Integer, Map<String, Object>> table = new HashMap<>();
		List<PreviewInput> inputs = new ArrayList<>();
		int changes = 30 + random.nextInt(50);
		for (int i = 0; i < changes; i++) {
			int id = random.nextInt(12);
			if (random.nextInt(4) == 0) {
				table.remove(id);
				inputs.add(PreviewInput.tableChange("orders", Integer.toString(id), null));
				continue;
			}
			Map<String, Object> row = row(random, id);
			table.put(id, row);
			inputs.add(PreviewInput.tableChange("orders", Integer.toString(id), JSON.valueToTree(row)));
		}

		PreviewResult result = new PipelinePreview().run(SPEC, inputs);

		List<Map<String, Object>> rows = table.values().stream().filter(row -> row.get("amount") instanceof Long).toList();
		assertThat(fold(result, "by-region")).as("seed %d by region", seed).isEqualTo(byRegion(rows));
		assertThat(fold(result, "by-region-tier")).as("seed %d by region and tier", seed).isEqualTo(byRegionAndTier(rows));
		assertThat(result.deadLetters()).as("seed %d dead letters", seed)
			.hasSize((int) inputs.stream().filter(input -> input.value() != null && input.value().get("amount").isString())
				.count() * 2);
	}

	private static Map<String, Object> row(Random random, int id) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", id);
		if (random.nextInt(10) > 0) {
			row.put("region", REGIONS.get(random.nextInt(REGIONS.size())));
		}
		row.put("tier", TIERS.get(random.nextInt(TIERS.size())));
		row.put("amount", random.nextInt(25) == 0 ? (Object) "n/a" : (Object) (long) (random.nextInt(30) - 5));
		return row;
	}

	/** The change stream of an output folded into a table by key; every retraction is the twin of the row it removes. */
	private static Map<String, Object> fold(PreviewResult result, String topic) {
		Map<String, Object> folded = new TreeMap<>();
		for (PreviewOutput output : result.outputs().getOrDefault(topic, List.of())) {
			Map<String, Object> change = new HashMap<>(normalized(output.value()));
			Object op = change.remove("op");
			if ("+".equals(op)) {
				folded.put(output.key(), change);
			}
			else {
				assertThat(folded.remove(output.key())).as("retraction of %s", output.key()).isEqualTo(change);
			}
		}
		return folded;
	}

	private static Map<String, Object> byRegion(List<Map<String, Object>> rows) {
		Map<String, Object> groups = new TreeMap<>();
		for (Map.Entry<Object, List<Map<String, Object>>> group : groups(rows, "region").entrySet()) {
			List<Map<String, Object>> members = group.getValue();
			if (members.size() < 2) {
				continue;
			}
			List<Long> amounts = members.stream().map(row -> (Long) row.get("amount")).toList();
			long total = amounts.stream().mapToLong(Long::longValue).sum();
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("region", group.getKey());
			result.put("n", members.size());
			result.put("big", amounts.stream().filter(amount -> amount >= 10).count());
			result.put("total", total);
			result.put("mean", (double) total / amounts.size());
			result.put("low", amounts.stream().min(Long::compare).orElseThrow());
			result.put("high", amounts.stream().max(Long::compare).orElseThrow());
			result.put("tiers", members.stream().map(row -> row.get("tier")).distinct().count());
			groups.put(key(group.getKey()), normalized(JSON.valueToTree(result)));
		}
		return groups;
	}

	private static Map<String, Object> byRegionAndTier(List<Map<String, Object>> rows) {
		Map<String, Object> groups = new TreeMap<>();
		for (Map.Entry<Object, List<Map<String, Object>>> group : groups(rows, "region", "tier").entrySet()) {
			@SuppressWarnings("unchecked")
			List<Object> values = (List<Object>) group.getKey();
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("region", values.get(0));
			result.put("tier", values.get(1));
			result.put("n", group.getValue().size());
			result.put("big_total", group.getValue().stream().mapToLong(row -> (Long) row.get("amount"))
				.filter(amount -> amount >= 10).sum());
			groups.put(JSON.valueToTree(values).toString(), normalized(JSON.valueToTree(result)));
		}
		return groups;
	}

	/** The rows by the value of one field, or by the list of the values of several. */
	private static Map<Object, List<Map<String, Object>>> groups(List<Map<String, Object>> rows, String... by) {
		Map<Object, List<Map<String, Object>>> groups = new HashMap<>();
		for (Map<String, Object> row : rows) {
			List<Object> values = Stream.of(by).map(row::get).toList();
			groups.computeIfAbsent(by.length == 1 ? values.getFirst() : values, ignored -> new ArrayList<>()).add(row);
		}
		return groups;
	}

	private static String key(Object value) {
		return value instanceof String text ? text : Objects.toString(value);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> normalized(JsonNode row) {
		return (Map<String, Object>) JsonComparison.normalize(row);
	}

}
