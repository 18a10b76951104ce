package io.streamplane.app.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18 on the real broker: exact decimal aggregates through repartitions, RocksDB stores and
 * their changelogs. A running {@code sum(amount) as decimal(18, 2)} per user adds amounts written
 * as JSON numbers and as 16-digit strings to the cent, and dead-letters the payment that would
 * overflow it with the aggregate, the value and the type while the user's sum goes on without it; a
 * {@code groupBy} over a table subtracts exactly as an order moves to another region and another is
 * deleted; and an hourly window sums the same payments to 18 digits, beyond what a double holds.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class DecimalAggregatesIT extends AdminApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(90);

	@Test
	void shouldSumPaymentsExactlyDeadLetterAnOverflowAndSubtractExactlyAsOrdersMove() {
		String name = EngineLifecycleIT.unique("decimal-sums");
		String payments = name + "-payments";
		String orders = name + "-orders";
		String spent = name + "-spent";
		String regions = name + "-regions";
		String hourly = name + "-hourly";
		KafkaTopics.create(payments, 1);
		KafkaTopics.createCompacted(orders, 2);
		Response created = api.post("/api/v1/pipelines", "application/yaml", """
				name: %s
				sources:
				  payments:
				    kafka: { topic: %s }
				    eventTime: { field: ts, unit: seconds }
				tables:
				  orders: { kafka: { topic: %s }, primaryKey: [order_id] }
				transforms:
				  spent:
				    from: payments
				    steps:
				      - keyBy: user
				      - running: { spent: "sum(amount) as decimal(18, 2)" }
				      - select: [user, seq, spent]
				  hourly:
				    from: payments
				    steps:
				      - keyBy: user
				      - window: { tumbling: 1h }
				        aggregate: { total: "sum(amount) as decimal(38, 2)", mean: "avg(amount) as decimal(38, 4)" }
				  regions:
				    from: orders
				    steps:
				      - groupBy: region
				        aggregate: { revenue: "sum(amount) as decimal(12, 2)" }
				outputs:
				  - { from: spent, kafka: { topic: %s } }
				  - { from: regions, kafka: { topic: %s } }
				  - { from: hourly, kafka: { topic: %s } }
				""".formatted(name, payments, orders, spent, regions, hourly));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		KafkaTopics.produce(payments, List.of(payment(1, "0.1"), payment(2, "\"0.2\""),
				payment(3, "\"12345678901234.56\""), payment(4, "0.7"), payment(5, "\"9999999999999999.99\""),
				payment(6, "1"), Map.entry("u2", "{\"user\": \"u2\", \"ts\": 7200, \"seq\": 7, \"amount\": 0}")));
		KafkaTopics.produce(orders, List.of(order(1, "eu", "\"0.10\""), order(2, "eu", "0.2"), order(3, "us", "\"100.05\"")));

		List<ConsumerRecord<String, String>> sums = KafkaTopics.read(spent, 6, WAIT, Duration.ofSeconds(2));
		assertThat(sums).filteredOn(record -> record.key().equals("u1"))
			.extracting(record -> JSON.readTree(record.value()).path("spent").asString())
			.containsExactly("0.10", "0.30", "12345678901234.86", "12345678901235.56", "12345678901236.56");
		List<ConsumerRecord<String, String>> windows = KafkaTopics.read(hourly, 1, WAIT, Duration.ofSeconds(2));
		assertThat(windows).singleElement().satisfies(window -> {
			assertThat(JSON.readTree(window.value()).path("total").asString()).isEqualTo("10012345678901236.55");
			assertThat(JSON.readTree(window.value()).path("mean").asString()).isEqualTo("1668724279816872.7583");
		});
		List<ConsumerRecord<String, String>> deadLetters = KafkaTopics.read("sp.dlq." + name, 1, WAIT, Duration.ZERO);
		assertThat(deadLetters).singleElement().satisfies(record -> {
			assertThat(JSON.readTree(record.value()).path("seq").asInt()).isEqualTo(5);
			assertThat(header(record, "sp.step")).isEqualTo("transforms.spent.steps[1]");
			assertThat(header(record, "sp.reason")).isEqualTo("spent: sum(amount) reached 10012345678901235.55, which " +
					"overflows decimal(18, 2) (at most 16 digits before the point); declare a larger precision");
		});

		await().atMost(WAIT).untilAsserted(() -> assertThat(folded(regions))
			.isEqualTo(Map.of("eu", "0.30", "us", "100.05")));
		KafkaTopics.produce(orders, List.of(order(2, "us", "0.2")));
		KafkaTopics.tombstone(orders, "{\"order_id\": 1}");
		await().atMost(WAIT).untilAsserted(() -> assertThat(folded(regions)).isEqualTo(Map.of("us", "100.25")));
	}

	/** The groups' change stream folded by key; a retraction must be the twin of the row it removes. */
	private static Map<String, String> folded(String topic) {
		Map<String, String> table = new TreeMap<>();
		for (ConsumerRecord<String, String> record : KafkaTopics.read(topic, 1, Duration.ofSeconds(10),
				Duration.ofSeconds(1))) {
			JsonNode change = JSON.readTree(record.value());
			assertThat(change.path("revenue").isString()).as("a decimal is written as a string").isTrue();
			if (change.path("op").asString().equals("+")) {
				table.put(record.key(), change.path("revenue").asString());
			}
			else {
				assertThat(table.remove(record.key())).as("retracted %s", record.value())
					.isEqualTo(change.path("revenue").asString());
			}
		}
		return table;
	}

	private static Map.Entry<String, String> payment(int seq, String amount) {
		return Map.entry("u1", "{\"user\": \"u1\", \"ts\": " + seq + ", \"seq\": " + seq + ", \"amount\": " + amount + "}");
	}

	private static Map.Entry<String, String> order(int id, String region, String amount) {
		return Map.entry("{\"order_id\": " + id + "}",
				"{\"order_id\": " + id + ", \"region\": \"" + region + "\", \"amount\": " + amount + "}");
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
