package io.streamplane.app.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

import io.streamplane.app.testing.AcknowledgedSends;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.protocol.WritableTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces to, reads from and inspects topics of the shared test broker. */
public final class KafkaTopics {

	private KafkaTopics() {
	}

	/** Creates the topic and waits until every partition accepts writes ({@link WritableTopics}). */
	public static void create(String topic, int partitions) {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all().get();
			WritableTopics.await(admin, List.of(topic), TestInfrastructure.WRITABLE);
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException("cannot create topic " + topic, ex);
		}
	}

	/**
	 * Creates a compacted topic, as the table topics of CDC are, and waits until every partition
	 * accepts writes ({@link WritableTopics}).
	 */
	public static void createCompacted(String topic, int partitions) {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())
				.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
			WritableTopics.await(admin, List.of(topic), TestInfrastructure.WRITABLE);
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException("cannot create topic " + topic, ex);
		}
	}

	public static Set<String> names() {
		try (Admin admin = admin()) {
			return admin.listTopics().names().get();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Set<String> consumerGroups() {
		try (Admin admin = admin()) {
			Set<String> groups = new TreeSet<>();
			admin.listGroups().all().get().forEach(group -> groups.add(group.groupId()));
			return groups;
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Sends key/value pairs in order and waits until all are acknowledged ({@link AcknowledgedSends}). */
	public static void produce(String topic, List<Map.Entry<String, String>> records) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
				ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
			AcknowledgedSends.sendAll(producer, records.stream()
				.map(record -> new ProducerRecord<>(topic, record.getKey(), record.getValue()))
				.toList());
		}
	}

	/** Sends a tombstone (a record without a value) with the given key and waits until it is acknowledged. */
	static void tombstone(String topic, String key) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			AcknowledgedSends.sendAll(producer, List.of(new ProducerRecord<String, String>(topic, key, null)));
		}
	}

	/**
	 * Reads a topic from the beginning with {@code read_committed} until {@code expected} records
	 * arrived or the timeout passed, then for {@code settle} longer to catch any surplus.
	 */
	public static List<ConsumerRecord<String, String>> read(String topic, int expected, Duration timeout,
			Duration settle) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000, ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
				new StringDeserializer(), new StringDeserializer())) {
			Instant deadline = Instant.now().plus(timeout);
			List<TopicPartition> partitions = List.of();
			while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
				partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5))
					.stream()
					.map(info -> new TopicPartition(topic, info.partition()))
					.toList();
				sleep(partitions.isEmpty() ? 200 : 0);
			}
			if (partitions.isEmpty()) {
				return List.of();
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			while (records.size() < expected && Instant.now().isBefore(deadline)) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			Instant settled = Instant.now().plus(settle);
			while (Instant.now().isBefore(settled)) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()));
	}

}
