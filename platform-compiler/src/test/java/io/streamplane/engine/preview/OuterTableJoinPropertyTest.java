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
 * Issue 18, property: after random inserts, updates (that move orders between customers) and
 * deletes on both sides, the change stream of each outer join of two tables, folded into a table (a
 * {@code +} upserts its key, a {@code -} deletes it and must be the exact twin of the row it
 * retracts), equals the join computed from scratch over the tables' final rows: left, right and full
 * joins on a foreign key (orders with customers) and on the primary key (customers with accounts).
 * Each seed is one random history, the same answer every run.
 */
class OuterTableJoinPropertyTest {

	/** Seeds run by default (each one is a preview of six joins); {@code -Douterjoin.seeds=1000} runs more. */
	private static final int SEEDS = Integer.getInteger("outerjoin.seeds", 20);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> TYPES = List.of("left", "right", "full");

	private static final PipelineSpec SPEC = spec("""
			name: outer
			tables:
			  orders: { kafka: { topic: orders }, primaryKey: [id] }
			  customers: { kafka: { topic: customers }, primaryKey: [customer_id] }
			  accounts: { kafka: { topic: accounts }, primaryKey: [customer_id] }
			transforms:
			  orders_left:
			    from: orders
			    steps: [ { join: { table: customers, on: customer_id, type: left } } ]
			  orders_right:
			    from: orders
			    steps: [ { join: { table: customers, on: customer_id, type: right } } ]
			  orders_full:
			    from: orders
			    steps: [ { join: { table: customers, on: customer_id, type: full } } ]
			  customers_left:
			    from: customers
			    steps: [ { join: { table: accounts, on: customer_id, type: left } } ]
			  customers_right:
			    from: customers
			    steps: [ { join: { table: accounts, on: customer_id, type: right } } ]
			  customers_full:
			    from: customers
			    steps: [ { join: { table: accounts, on: customer_id, type: full } } ]
			outputs:
			  - { from: orders_left, kafka: { topic: orders-left } }
			  - { from: orders_right, kafka: { topic: orders-right } }
			  - { from: orders_full, kafka: { topic: orders-full } }
			  - { from: customers_left, kafka: { topic: customers-left } }
			  - { from: customers_right, kafka: { topic: customers-right } }
			  - { from: customers_full, kafka: { topic: customers-full } }
			""");

	static Stream<Long> seeds() {
		return LongStream.range(0, SEEDS).boxed();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void shouldFoldIntoTheOuterJoinsOfTheFinalTables(long seed) {
		Random random = new Random(seed);
		Map<String, Map<Integer, Map<String, Object>>> tables = Map.of("orders", new TreeMap<>(),
				"customers", new TreeMap<>(), "accounts", new TreeMap<>());
		List<PreviewInput> inputs = new ArrayList<>();
		int changes = 30 + random.nextInt(60);
		for (int i = 0; i < changes; i++) {
			String table = List.of("orders", "orders", "customers", "accounts").get(random.nextInt(4));
			int id = random.nextInt(table.equals("orders") ? 10 : 6);
			if (random.nextInt(4) == 0) {
				tables.get(table).remove(id);
				inputs.add(PreviewInput.tableChange(table, Integer.toString(id), null));
				continue;
			}
			Map<String, Object> row = row(random, table, id);
			tables.get(table).put(id, row);
			inputs.add(PreviewInput.tableChange(table, Integer.toString(id), JSON.valueToTree(row)));
		}

		PreviewResult result = new PipelinePreview().run(SPEC, inputs);

		for (String type : TYPES) {
			assertThat(fold(result, "orders-" + type)).as("seed %d orders %s join customers", seed, type)
				.isEqualTo(join(tables.get("orders"), tables.get("customers"), "customers", type, "orders"));
			assertThat(fold(result, "customers-" + type)).as("seed %d customers %s join accounts", seed, type)
				.isEqualTo(join(tables.get("customers"), tables.get("accounts"), "accounts", type, "customers"));
		}
		assertThat(result.deadLetters()).as("seed %d dead letters", seed).isEmpty();
	}

	private static Map<String, Object> row(Random random, String table, int id) {
		Map<String, Object> row = new LinkedHashMap<>();
		switch (table) {
			case "orders" -> {
				row.put("id", id);
				row.put("customer_id", random.nextInt(8) == 0 ? null : random.nextInt(6));
				row.put("amount", random.nextInt(100));
			}
			case "customers" -> {
				row.put("customer_id", id);
				row.put("tier", random.nextBoolean() ? "free" : "pro");
			}
			default -> {
				row.put("customer_id", id);
				row.put("balance", random.nextInt(50));
			}
		}
		row.put("note", table + "-" + random.nextInt(3));
		return row;
	}

	/**
	 * The join computed from scratch: each left row with the right row its {@code customer_id}
	 * names, keyed by its own key; for a right or full join, each right row no left row names, keyed
	 * by its own key when the join is on the primary key, else by {@code <table>/<key>}.
	 */
	private static Map<String, Object> join(Map<Integer, Map<String, Object>> left, Map<Integer, Map<String, Object>> right,
			String rightName, String type, String leftName) {
		boolean primaryKey = leftName.equals("customers");
		Map<String, Object> joined = new TreeMap<>();
		for (Map.Entry<Integer, Map<String, Object>> row : left.entrySet()) {
			Object customer = row.getValue().get("customer_id");
			Map<String, Object> match = customer == null ? null : right.get((Integer) customer);
			if (match == null && type.equals("right")) {
				continue;
			}
			Map<String, Object> result = new LinkedHashMap<>(row.getValue());
			if (match != null) {
				match.forEach((name, value) -> {
					if (!result.containsKey(name)) {
						result.put(name, value);
					}
					else if (!name.equals("customer_id")) {
						result.put(rightName + "_" + name, value);
					}
				});
			}
			joined.put(row.getKey().toString(), normalized(JSON.valueToTree(result)));
		}
		if (!type.equals("left")) {
			List<Object> referenced = left.values().stream().map(row -> row.get("customer_id")).filter(Objects::nonNull).toList();
			right.forEach((id, row) -> {
				if (!referenced.contains(id)) {
					joined.put(primaryKey ? id.toString() : rightName + "/" + id, normalized(JSON.valueToTree(row)));
				}
			});
		}
		return joined;
	}

	/** The change stream of an output folded into a table by key; every retraction is the twin of the row it removes. */
	private static Map<String, Object> fold(PreviewResult result, String topic) {
		Map<String, Object> folded = new TreeMap<>();
		for (PreviewOutput output : result.outputs().getOrDefault(topic, List.of())) {
			Map<String, Object> change = new HashMap<>(normalized(output.value()));
			Object op = change.remove("op");
			if ("+".equals(op)) {
				assertThat(folded).as("insertion of %s without retracting it first", output.key()).doesNotContainKey(output.key());
				folded.put(output.key(), change);
			}
			else {
				assertThat(folded.remove(output.key())).as("retraction of %s", output.key()).isEqualTo(change);
			}
		}
		return folded;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> normalized(JsonNode row) {
		return new HashMap<>((Map<String, Object>) JsonComparison.normalize(row));
	}

}
