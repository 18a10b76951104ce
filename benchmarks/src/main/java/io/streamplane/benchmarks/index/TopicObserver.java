package io.streamplane.benchmarks.index;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Notes when each change's probe word ({@link FreshnessProbes#WORD}) first becomes readable on each of some
 * topics, to a {@code read_committed} consumer polling every few milliseconds in this JVM (so on the writer's
 * {@link System#nanoTime} clock): the CDC topic (PostgreSQL commit and capture behind it) and the index topic
 * (the engine's exactly-once transaction behind it). Starts at the topics' ends.
 */
final class TopicObserver implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(5);

	private final List<String> topics;

	private final List<AtomicLongArray> seen = new ArrayList<>();

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final Thread thread;

	private volatile boolean running = true;

	/**
	 * @param bootstrap the broker
	 * @param topics the topics, in the order of the path
	 * @param changes how many changes the probes write
	 */
	TopicObserver(String bootstrap, List<String> topics, int changes) {
		this.topics = List.copyOf(topics);
		topics.forEach(topic -> seen.add(new AtomicLongArray(changes)));
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.CLIENT_ID_CONFIG,
				"freshness-observer", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5), new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : topics) {
			for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
				partitions.add(new TopicPartition(topic, info.partition()));
			}
		}
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		this.thread = Thread.ofPlatform().daemon().name("topic-observer").start(this::observe);
	}

	private void observe() {
		while (running) {
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
				long now = System.nanoTime();
				if (record.value() == null) {
					continue;
				}
				AtomicLongArray times = seen.get(topics.indexOf(record.topic()));
				Matcher word = FreshnessProbes.WORD.matcher(new String(record.value(), StandardCharsets.UTF_8));
				while (word.find()) {
					int change = Integer.parseInt(word.group(1));
					if (change < times.length()) {
						times.compareAndSet(change, 0, now);
					}
				}
			}
		}
		consumer.close(Duration.ofSeconds(5));
	}

	/** When each change was first readable on the {@code topic}-th topic ({@link System#nanoTime}; 0: never). */
	long[] seen(int topic) {
		AtomicLongArray times = seen.get(topic);
		long[] copy = new long[times.length()];
		Arrays.setAll(copy, times::get);
		return copy;
	}

	@Override
	public void close() throws InterruptedException {
		running = false;
		thread.join(10_000);
	}

}
