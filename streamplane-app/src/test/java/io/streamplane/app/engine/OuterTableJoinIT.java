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
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18: outer joins of tables on the real broker, tables on topics of different partition
 * counts. A full join on a foreign key (orders with customers) and a right join on the primary key
 * (customers with accounts): the change streams, folded into tables (each retraction the exact twin
 * of the row it removes), give every order with or without its customer and every customer no order
 * refers to (keyed {@code customers/<id>}), as rows gain, change and lose their match.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class OuterTableJoinIT extends AdminApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(120);

	@Test
	void shouldRetractAndReEmitRowsAsTheyGainAndLoseTheirMatch() {
		String name = EngineLifecycleIT.unique("outer-joins");
		String orders = name + "-orders";
		String customers = name + "-customers";
		String accounts = name + "-accounts";
		Response created = api.post("/api/v1/pipelines", "application/yaml", """
				name: %s
				tables:
				  orders: { kafka: { topic: %s }, primaryKey: [order_id] }
				  customers: { kafka: { topic: %s }, primaryKey: [customer_id] }
				  accounts: { kafka: { topic: %s }, primaryKey: [customer_id] }
				transforms:
				  orders_full:
				    from: orders
				    steps: [ { join: { table: customers, on: customer_id, type: full } } ]
				  customers_right:
				    from: customers
				    steps: [ { join: { table: accounts, on: customer_id, type: right } } ]
				outputs:
				  - { from: orders_full, kafka: { topic: %s-orders-full } }
				  - { from: customers_right, kafka: { topic: %s-customers-right } }
				""".formatted(name, orders, customers, accounts, name, name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		KafkaTopics.create(orders, 2);
		KafkaTopics.create(customers, 3);
		KafkaTopics.create(accounts, 1);

		KafkaTopics.produce(customers, List.of(customer(7, "Ada"), customer(8, "Linus")));
		KafkaTopics.produce(accounts, List.of(account(7, 100), account(9, 5)));
		KafkaTopics.produce(orders, List.of(order(101, 7)));
		awaitFolded(name + "-orders-full", Map.of(
				"101", "{order_id:101,customer_id:7,name:Ada}",
				"customers/8", "{customer_id:8,name:Linus}"));
		awaitFolded(name + "-customers-right", Map.of(
				"7", "{customer_id:7,name:Ada,balance:100}",
				"9", "{customer_id:9,balance:5}"));

		KafkaTopics.produce(orders, List.of(order(101, 8), order(102, 9)));
		KafkaTopics.produce(customers, List.of(customer(9, "Grace")));
		KafkaTopics.tombstone(accounts, "{\"customer_id\": 7}");
		awaitFolded(name + "-orders-full", Map.of(
				"101", "{order_id:101,customer_id:8,name:Linus}",
				"102", "{order_id:102,customer_id:9,name:Grace}",
				"customers/7", "{customer_id:7,name:Ada}"));
		awaitFolded(name + "-customers-right", Map.of("9", "{customer_id:9,name:Grace,balance:5}"));

		KafkaTopics.tombstone(customers, "{\"customer_id\": 9}");
		KafkaTopics.tombstone(orders, "{\"order_id\": 101}");
		awaitFolded(name + "-orders-full", Map.of(
				"102", "{order_id:102,customer_id:9}",
				"customers/7", "{customer_id:7,name:Ada}",
				"customers/8", "{customer_id:8,name:Linus}"));
		awaitFolded(name + "-customers-right", Map.of("9", "{customer_id:9,balance:5}"));
		assertThat(api.get("/api/v1/pipelines/" + name + "/status").json().path("state").asString()).isEqualTo("RUNNING");
	}

	/** Waits until the change stream on {@code topic}, folded by key, is {@code expected}, each row written as {@code {field:value,...}}. */
	private static void awaitFolded(String topic, Map<String, String> expected) {
		await().atMost(WAIT).untilAsserted(() -> assertThat(fold(KafkaTopics.read(topic, 0, WAIT, Duration.ofSeconds(2))))
			.as(topic).isEqualTo(new TreeMap<>(expected)));
	}

	private static Map<String, String> fold(List<ConsumerRecord<String, String>> records) {
		Map<String, String> folded = new TreeMap<>();
		for (ConsumerRecord<String, String> record : records) {
			ObjectNode change = (ObjectNode) JSON.readTree(record.value());
			String op = change.remove("op").asString();
			String row = written(change);
			if (op.equals("+")) {
				assertThat(folded).as("%s inserted before its retraction", record.key()).doesNotContainKey(record.key());
				folded.put(record.key(), row);
			}
			else {
				assertThat(folded.remove(record.key())).as("retraction of %s", record.key()).isEqualTo(row);
			}
		}
		return folded;
	}

	private static String written(JsonNode row) {
		StringBuilder text = new StringBuilder("{");
		row.properties().forEach(field -> text.append(text.length() > 1 ? "," : "").append(field.getKey()).append(':')
			.append(field.getValue().isString() ? field.getValue().asString() : field.getValue().toString()));
		return text.append('}').toString();
	}

	private static Map.Entry<String, String> order(int id, int customer) {
		return Map.entry("{\"order_id\": " + id + "}", "{\"order_id\": " + id + ", \"customer_id\": " + customer + "}");
	}

	private static Map.Entry<String, String> customer(int id, String name) {
		return Map.entry("{\"customer_id\": " + id + "}", "{\"customer_id\": " + id + ", \"name\": \"" + name + "\"}");
	}

	private static Map.Entry<String, String> account(int id, int balance) {
		return Map.entry("{\"customer_id\": " + id + "}", "{\"customer_id\": " + id + ", \"balance\": " + balance + "}");
	}

}
