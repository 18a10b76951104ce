package io.streamplane.app.split;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import io.streamplane.app.testing.AcknowledgedSends;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.protocol.WritableTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** Kafka clients of the test on the broker of the infrastructure process. */
final class SplitKafka {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String bootstrapServers;

	SplitKafka(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/** Creates the topic and waits until every partition accepts writes ({@link WritableTopics}). */
	void createTopic(String topic, int partitions) {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all().get();
			WritableTopics.await(admin, List.of(topic), TestInfrastructure.WRITABLE);
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException("cannot create topic " + topic, ex);
		}
	}

	/**
	 * Sends the key/value pairs in order with an idempotent producer and waits until all are acknowledged
	 * ({@link AcknowledgedSends}).
	 */
	void produce(String topic, List<Map.Entry<String, String>> records) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
			AcknowledgedSends.sendAll(producer, records.stream()
				.map(record -> new ProducerRecord<>(topic, record.getKey(), record.getValue()))
				.toList());
		}
	}

	/** Offsets of {@code topic} the group committed, summed over partitions. */
	long committed(String group, String topic) throws ExecutionException, InterruptedException {
		try (Admin admin = admin()) {
			return admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get()
				.entrySet()
				.stream()
				.filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
				.mapToLong(entry -> entry.getValue().offset())
				.sum();
		}
	}

	/** Partitions of {@code topic} assigned to each member of the group, by client id; none before the group exists. */
	Map<String, Integer> partitionsPerClient(String group, String topic) throws InterruptedException {
		try (Admin admin = admin()) {
			ConsumerGroupDescription description;
			try {
				description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof GroupIdNotFoundException) {
					return Map.of();
				}
				throw new IllegalStateException("cannot describe group " + group, ex);
			}
			Map<String, Integer> partitions = new HashMap<>();
			for (MemberDescription member : description.members()) {
				int owned = (int) member.assignment()
					.topicPartitions()
					.stream()
					.filter(partition -> partition.topic().equals(topic))
					.count();
				if (owned > 0) {
					partitions.merge(member.clientId(), owned, Integer::sum);
				}
			}
			return partitions;
		}
	}

	/**
	 * Reads the committed ({@code read_committed}) window rows from the beginning until {@code rows} arrived,
	 * then three seconds more to catch duplicates; a duplicate row adds its count again, so it shows as a wrong
	 * count.
	 */
	Map<String, Long> readCounts(String topic, int rows, Duration wait) {
		Map<String, Long> counted = new HashMap<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
				new StringDeserializer(), new StringDeserializer())) {
			await().atMost(wait).until(() -> !consumer.partitionsFor(topic).isEmpty());
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Instant deadline = Instant.now().plus(wait);
			int read = 0;
			while (read < rows && Instant.now().isBefore(deadline)) {
				read += count(consumer, counted);
			}
			Instant settled = Instant.now().plusSeconds(3);
			while (Instant.now().isBefore(settled)) {
				count(consumer, counted);
			}
		}
		return counted;
	}

	private static int count(KafkaConsumer<String, String> consumer, Map<String, Long> counted) {
		int rows = 0;
		for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
			JsonNode value = JSON.readTree(record.value());
			counted.merge(WindowedCount.row(value.path("k").asString(),
					Instant.parse(value.path("window_start").asString())), value.path("count").asLong(), Long::sum);
			rows++;
		}
		return rows;
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

}
