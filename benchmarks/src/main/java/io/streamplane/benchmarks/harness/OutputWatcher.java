package io.streamplane.benchmarks.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads an output topic from its beginning on its own thread and notes when each record became
 * visible to a consumer, decoded by the benchmark.
 *
 * @param <T> what a record is decoded to
 */
public final class OutputWatcher<T> {

	/**
	 * Decodes one output record.
	 *
	 * @param <T> what a record is decoded to
	 */
	@FunctionalInterface
	public interface Decoder<T> {

		/**
		 * @param value the record's value, {@code null} for a tombstone
		 * @param seenMillis the wall-clock time the consumer received it
		 * @return the decoded record, or {@code null} to skip it
		 */
		T decode(byte[] value, long seenMillis);

	}

	private static final Duration POLL = Duration.ofMillis(20);

	private final AtomicBoolean stop = new AtomicBoolean();

	private final List<T> seen = new ArrayList<>();

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	private final Decoder<T> decoder;

	private final Thread thread;

	private OutputWatcher(String bootstrapServers, String topic, Decoder<T> decoder) {
		this.decoder = decoder;
		this.thread = Thread.ofPlatform().name("output-watcher").start(() -> watch(bootstrapServers, topic));
	}

	public static <T> OutputWatcher<T> start(String bootstrapServers, String topic, Decoder<T> decoder) {
		return new OutputWatcher<>(bootstrapServers, topic, decoder);
	}

	/**
	 * Stops watching and returns every record seen and not skipped, in the order received.
	 * @throws BenchmarkException if the topic could not be read or a record could not be decoded
	 */
	public List<T> stop() throws InterruptedException {
		stop.set(true);
		thread.join();
		if (failure.get() != null) {
			throw new BenchmarkException("Could not watch the output: " + failure.get().getMessage(), failure.get());
		}
		return seen;
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
					T decoded = decoder.decode(record.value(), System.currentTimeMillis());
					if (decoded != null) {
						seen.add(decoded);
					}
				}
			}
		}
	}

	private static Map<String, Object> config(String bootstrapServers) {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
	}

}
