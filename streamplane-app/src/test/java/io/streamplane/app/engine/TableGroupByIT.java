package io.streamplane.app.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18 on the real broker: a group-by over a table read from a compacted topic in the format
 * of the CDC topics (key: the primary key as a JSON object, value: the row, a tombstone deletes).
 * The output's change stream, folded by key, follows the table: an update that moves an order to
 * another region lowers the old region's count and raises the new one's, and deleting the last
 * order of a region retracts the region.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class TableGroupByIT extends AdminApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(90);

	@Test
	void shouldMoveAnOrderBetweenRegionsAndRetractARegionWhoseLastOrderIsDeleted() {
		String name = EngineLifecycleIT.unique("orders-by-region");
		String orders = name + "-orders";
		String output = name + "-regions";
		KafkaTopics.createCompacted(orders, 2);
		Response created = api.post("/api/v1/pipelines", "application/yaml", """
				name: %s
				tables:
				  orders: { kafka: { topic: %s }, primaryKey: [order_id] }
				transforms:
				  regions:
				    from: orders
				    steps:
				      - groupBy: region
				        aggregate: { orders: "count()", revenue: "sum(amount)" }
				outputs:
				  - { from: regions, kafka: { topic: %s } }
				""".formatted(name, orders, output));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		KafkaTopics.produce(orders, List.of(order(1, "eu", 10), order(2, "eu", 5), order(3, "us", 7)));
		await().atMost(WAIT).untilAsserted(() -> assertThat(folded(output))
			.isEqualTo(Map.of("eu", "orders=2 revenue=15", "us", "orders=1 revenue=7")));

		KafkaTopics.produce(orders, List.of(order(2, "us", 5)));
		await().atMost(WAIT).untilAsserted(() -> assertThat(folded(output))
			.isEqualTo(Map.of("eu", "orders=1 revenue=10", "us", "orders=2 revenue=12")));

		KafkaTopics.tombstone(orders, "{\"order_id\": 1}");
		await().atMost(WAIT).untilAsserted(() -> assertThat(folded(output)).isEqualTo(Map.of("us", "orders=2 revenue=12")));
	}

	/**
	 * The output's change stream folded by key: a {@code +} upserts, a {@code -} deletes and must be
	 * the twin of the row it retracts. (How many changes there are depends on how the record cache
	 * coalesced a group's changes within a commit interval; the fold does not.)
	 */
	private static Map<String, String> folded(String topic) {
		List<ConsumerRecord<String, String>> records = KafkaTopics.read(topic, 1, Duration.ofSeconds(10),
				Duration.ofSeconds(1));
		Map<String, String> table = new TreeMap<>();
		for (ConsumerRecord<String, String> record : records) {
			JsonNode change = JSON.readTree(record.value());
			assertThat(change.path("region").asString()).isEqualTo(record.key());
			String row = "orders=" + change.path("orders").asLong() + " revenue=" + change.path("revenue").asLong();
			if (change.path("op").asString().equals("+")) {
				table.put(record.key(), row);
			}
			else {
				assertThat(table.remove(record.key())).as("retracted %s", record.value()).isEqualTo(row);
			}
		}
		return table;
	}

	private static Map.Entry<String, String> order(int id, String region, long amount) {
		return Map.entry("{\"order_id\": " + id + "}",
				"{\"order_id\": " + id + ", \"region\": \"" + region + "\", \"amount\": " + amount + "}");
	}

}
