package io.streamplane.engine.preview;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.streamplane.spec.PipelineSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.streamplane.engine.preview.Previews.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, property: after random inserts, updates and deletes of orders whose amounts are JSON
 * strings of up to 18 digits or JSON numbers of up to 15, the folded change stream of a group-by's
 * {@code sum(amount) as decimal(20, 2)} and {@code avg(amount) as decimal(20, 4)} equals the
 * {@link BigDecimal} sum and mean of each region's final rows computed from scratch.
 */
class DecimalGroupByPropertyTest {

	/** Seeds run by default; {@code -Dgroupby.seeds=1000} runs more. */
	private static final int SEEDS = Integer.getInteger("groupby.seeds", 20);

	private static final List<String> REGIONS = List.of("eu", "us", "apac");

	private static final PipelineSpec SPEC = spec("""
			name: decimal-groups
			tables:
			  orders: { kafka: { topic: orders }, primaryKey: [id] }
			transforms:
			  by_region:
			    from: orders
			    steps:
			      - groupBy: region
			        aggregate:
			          revenue: "sum(amount) as decimal(20, 2)"
			          mean: "avg(amount) as decimal(20, 4)"
			outputs:
			  - { from: by_region, kafka: { topic: by-region } }
			""");

	static Stream<Long> seeds() {
		return LongStream.range(0, SEEDS).boxed();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void shouldFoldIntoTheExactSumsOfTheFinalTable(long seed) {
		Random random = new Random(seed);
		Map<Integer, ObjectNode> table = new HashMap<>();
		List<PreviewInput> inputs = new ArrayList<>();
		for (int i = 0; i < 40 + random.nextInt(60); i++) {
			int id = random.nextInt(15);
			if (random.nextInt(4) == 0) {
				table.remove(id);
				inputs.add(PreviewInput.tableChange("orders", Integer.toString(id), null));
				continue;
			}
			ObjectNode row = row(random, id);
			table.put(id, row);
			inputs.add(PreviewInput.tableChange("orders", Integer.toString(id), row));
		}

		PreviewResult result = new PipelinePreview().run(SPEC, inputs);

		assertThat(result.deadLetters()).as("seed %d dead letters", seed).isEmpty();
		assertThat(fold(result)).as("seed %d", seed).isEqualTo(fromScratch(table.values()));
	}

	private static ObjectNode row(Random random, int id) {
		ObjectNode row = JsonNodeFactory.instance.objectNode();
		row.put("id", id);
		row.put("region", REGIONS.get(random.nextInt(REGIONS.size())));
		if (random.nextBoolean()) {
			row.put("amount", BigDecimal.valueOf(random.nextLong(-1_000_000_000_000_000L, 1_000_000_000_000_000L), 2)
				.toPlainString());
		}
		else {
			row.put("amount", random.nextLong(-10_000_000_000_000L, 10_000_000_000_000L) / 100.0);
		}
		return row;
	}

	private static Map<String, Map<String, Object>> fold(PreviewResult result) {
		Map<String, Map<String, Object>> folded = new TreeMap<>();
		for (PreviewOutput output : result.outputs().getOrDefault("by-region", List.of())) {
			Map<String, Object> change = new LinkedHashMap<>();
			output.value().properties().forEach(field -> change.put(field.getKey(), field.getValue().asString()));
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

	private static Map<String, Map<String, Object>> fromScratch(Iterable<ObjectNode> rows) {
		Map<String, List<BigDecimal>> amounts = new TreeMap<>();
		for (ObjectNode row : rows) {
			amounts.computeIfAbsent(row.get("region").asString(), ignored -> new ArrayList<>()).add(exact(row.get("amount")));
		}
		return amounts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, group -> {
			BigDecimal sum = group.getValue().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			Map<String, Object> expected = new LinkedHashMap<>();
			expected.put("region", group.getKey());
			expected.put("revenue", sum.setScale(2).toPlainString());
			expected.put("mean", sum.divide(BigDecimal.valueOf(group.getValue().size()), 4,
					java.math.RoundingMode.HALF_EVEN).toPlainString());
			return expected;
		}, (a, b) -> a, TreeMap::new));
	}

	/** The amount as written: a string's text, a number's shortest decimal text. */
	private static BigDecimal exact(JsonNode amount) {
		return amount.isString() ? new BigDecimal(amount.asString()) : BigDecimal.valueOf(amount.doubleValue());
	}

}
