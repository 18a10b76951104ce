package io.streamplane.benchmarks.joins;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.streamplane.benchmarks.harness.BenchmarkException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where a CDC change's latency goes, hop by hop ({@code --cdc-hops=true}): one consumer outside any group reads the
 * CDC topic and the pipeline's repartition topics from their ends and notes when each update's unique name
 * ({@code "name": "v<change>"} in JSON, or the {@code name} field of a binary row) first shows in each. With the
 * output's receipt that splits commit → re-emitted view into the capture (PostgreSQL, Debezium, the change
 * producer), the pipeline's first producer hop (the table's by-key repartition) and its second (the output). Each
 * time is up to one fetch late (fetches return as soon as a record is there).
 */
final class CdcHops implements AutoCloseable {

	private static final Pattern NAME = Pattern.compile("name.{0,6}?v(\\d+)", Pattern.DOTALL);

	private static final Duration POLL = Duration.ofMillis(20);

	private final Map<String, List<Reemission>> seen = new LinkedHashMap<>();

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final Thread reader;

	private CdcHops(String bootstrapServers, List<String> topics) {
		topics.forEach(topic -> seen.put(topic, new ArrayList<>()));
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		topics.forEach(topic -> consumer.partitionsFor(topic)
			.forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		reader = Thread.ofPlatform().daemon().name("cdc-hops").start(this::read);
	}

	/**
	 * Starts reading {@code cdcTopic} and every repartition topic of {@code applicationId} from their current ends.
	 */
	static CdcHops start(String bootstrapServers, String cdcTopic, String applicationId) {
		List<String> topics = new ArrayList<>(List.of(cdcTopic));
		topics.addAll(repartitionTopics(bootstrapServers, applicationId));
		return new CdcHops(bootstrapServers, topics);
	}

	private void read() {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
					note(record.topic(), record.value());
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
	}

	private void note(String topic, byte[] value) {
		if (value == null) {
			return;
		}
		Matcher name = NAME.matcher(new String(value, StandardCharsets.ISO_8859_1));
		if (name.find()) {
			List<Reemission> topicSeen = seen.get(topic);
			synchronized (topicSeen) {
				topicSeen.add(new Reemission(Long.parseLong(name.group(1)), System.currentTimeMillis()));
			}
		}
	}

	/** Stops reading; returns, per topic in the order a change passes them, each change seen and when. */
	Map<String, List<Reemission>> stop() throws InterruptedException {
		consumer.wakeup();
		reader.join(Duration.ofSeconds(10));
		Map<String, List<Reemission>> copy = new LinkedHashMap<>();
		seen.forEach((topic, list) -> {
			synchronized (list) {
				copy.put(topic, List.copyOf(list));
			}
		});
		return copy;
	}

	@Override
	public void close() {
		consumer.close(Duration.ofSeconds(5));
	}

	private static List<String> repartitionTopics(String bootstrapServers, String applicationId) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			return admin.listTopics().names().get().stream()
				.filter(topic -> topic.startsWith(applicationId + "-") && topic.endsWith("-repartition"))
				.sorted()
				.toList();
		}
		catch (ExecutionException ex) {
			throw new BenchmarkException("Could not list the repartition topics of " + applicationId + ": "
					+ ex.getCause(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted while listing the topics of " + applicationId, ex);
		}
	}

}
