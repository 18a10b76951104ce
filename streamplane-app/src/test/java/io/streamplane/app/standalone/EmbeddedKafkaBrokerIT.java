package io.streamplane.app.standalone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.streamplane.app.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded broker serves clients and keeps its topics across restarts.
 * <p>
 * Embedded by nature: it tests the embedded broker, so it runs on the embedded path whatever {@code
 * -Pcontainers} says.
 */
class EmbeddedKafkaBrokerIT {

	@Test
	void shouldDeliverProducedRecordToConsumer() throws Exception {
		String bootstrapServers = TestInfrastructure.embedded().kafka().orElseThrow().bootstrapServers();
		createTopic(bootstrapServers, "payments");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("payments", "merchant-1", "{\"amount\":42}")).get();
		}
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, "it",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of("payments"));
			List<ConsumerRecord<String, String>> records = poll(consumer);
			assertThat(records).singleElement().satisfies((record) -> {
				assertThat(record.key()).isEqualTo("merchant-1");
				assertThat(record.value()).isEqualTo("{\"amount\":42}");
			});
		}
	}

	@Test
	void shouldKeepTopicsWhenRestartedOnSameLogDirectory() throws Exception {
		Path logDir = TestInfrastructure.newDataDir().resolve("kafka");
		int[] ports = TestInfrastructure.freePorts(2);
		int port = ports[0];
		int controllerPort = ports[1];
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, port, controllerPort)) {
			createTopic(broker.bootstrapServers(), "survivor");
		}
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, port, controllerPort);
				Admin admin = admin(broker.bootstrapServers())) {
			assertThat(admin.listTopics().names().get()).contains("survivor");
		}
	}

	private static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			consumer.poll(Duration.ofMillis(200)).records("payments").forEach(records::add);
			if (!records.isEmpty()) {
				return records;
			}
		}
		return List.of();
	}

	private static void createTopic(String bootstrapServers, String topic) throws Exception {
		try (Admin admin = admin(bootstrapServers)) {
			admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
	}

	private static Admin admin(String bootstrapServers) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

}
