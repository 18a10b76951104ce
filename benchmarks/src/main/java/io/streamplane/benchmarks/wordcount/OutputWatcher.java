package io.streamplane.benchmarks.wordcount;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.Json;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads an output topic from its beginning on its own thread and notes when each count update
 * became visible to a consumer.
 */
final class OutputWatcher {

	/**
	 * A count update as a consumer saw it.
	 *
	 * @param key the word and window, as {@link SendLog#key}
	 * @param count the count the update carries
	 * @param seenMillis the wall-clock time the consumer received it
	 */
	record Update(String key, long count, long seenMillis) {
	}

	private static final Duration POLL = Duration.ofMillis(20);

	private final AtomicBoolean stop = new AtomicBoolean();

	private final List<Update> updates = new ArrayList<>();

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	private final Thread thread;

	private OutputWatcher(String bootstrapServers, String topic) {
		this.thread = Thread.ofPlatform().name("output-watcher").start(() -> watch(bootstrapServers, topic));
	}

	static OutputWatcher start(String bootstrapServers, String topic) {
		return new OutputWatcher(bootstrapServers, topic);
	}

	/**
	 * Stops watching and returns every update seen, in the order received.
	 * @throws BenchmarkException if the topic could not be read or held a record that is not a count
	 */
	List<Update> stop() throws InterruptedException {
		stop.set(true);
		thread.join();
		if (failure.get() != null) {
			throw new BenchmarkException("Could not watch the output: " + failure.get().getMessage(), failure.get());
		}
		return updates;
	}

	private void watch(String bootstrapServers, String topic) {
		try {
			consume(bootstrapServers, topic);
		}
		catch (RuntimeException ex) {
			failure.set(ex);
		}
	}

	private void consume(String bootstrapServers, String topic) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(bootstrapServers))) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			while (!stop.get()) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
					updates.add(update(record.value(), System.currentTimeMillis()));
				}
			}
		}
	}

	private static Update update(byte[] json, long seenMillis) {
		WordCount count = Json.read(json, WordCount.class);
		long windowStart = Instant.parse(count.windowStart()).toEpochMilli();
		return new Update(SendLog.key(count.word(), windowStart), count.count(), seenMillis);
	}

	private static Map<String, Object> config(String bootstrapServers) {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
	}

}
