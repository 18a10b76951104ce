package io.streamplane.api.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.streamplane.engine.compile.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the last records of a dead-letter topic on demand, within bounds: at most {@value #MAX_LIMIT}
 * records, values cut at {@value #MAX_VALUE_CHARS} characters, {@link #TIME_BUDGET} per read, and
 * {@value #CONCURRENT_READS} reads at a time. Each read assigns the topic's partitions to a consumer of its own
 * (no consumer group, nothing committed), seeks each partition to the records it needs and reads committed
 * records up to the end.
 */
public class DeadLetterReader {

	/** The most records one read returns. */
	public static final int MAX_LIMIT = 100;

	/** The longest value returned, in characters; longer values are cut. */
	public static final int MAX_VALUE_CHARS = 4096;

	static final int CONCURRENT_READS = 4;

	static final Duration TIME_BUDGET = Duration.ofSeconds(3);

	private static final Duration POLL = Duration.ofMillis(200);

	private final Map<String, Object> consumerConfig;

	private final Semaphore reads = new Semaphore(CONCURRENT_READS);

	/** @param consumerConfig the Kafka consumer configuration (bootstrap servers, security) to read with */
	DeadLetterReader(Map<String, Object> consumerConfig) {
		Map<String, Object> config = new HashMap<>(consumerConfig);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "sp-dead-letter-reader");
		config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIME_BUDGET.toMillis());
		this.consumerConfig = Map.copyOf(config);
	}

	/**
	 * The last {@code limit} records of {@code topic}, newest first; none when the topic does not exist yet.
	 *
	 * @throws DeadLetterReadException (retriable) when Kafka does not answer, or too many reads run at once
	 */
	public RecentDeadLetters last(String topic, int limit) {
		try {
			if (!reads.tryAcquire(TIME_BUDGET.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new DeadLetterReadException("too many dead-letter reads at once; try again in a moment", null);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeadLetterReadException("interrupted while waiting to read " + topic, ex);
		}
		try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			return read(consumer, topic, limit);
		}
		catch (KafkaException ex) {
			throw new DeadLetterReadException("cannot read " + topic + " from Kafka: " + ex.getMessage(), ex);
		}
		finally {
			reads.release();
		}
	}

	private static RecentDeadLetters read(Consumer<byte[], byte[]> consumer, String topic, int limit) {
		long deadline = System.nanoTime() + TIME_BUDGET.toNanos();
		List<PartitionInfo> infos = consumer.partitionsFor(topic, TIME_BUDGET);
		if (infos == null || infos.isEmpty()) {
			return new RecentDeadLetters(topic, List.of(), true);
		}
		List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
		consumer.assign(partitions);
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIME_BUDGET);
		Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, TIME_BUDGET);
		Set<TopicPartition> unread = new HashSet<>();
		for (TopicPartition partition : partitions) {
			long start = Math.max(begins.get(partition), ends.get(partition) - limit);
			consumer.seek(partition, start);
			if (start < ends.get(partition)) {
				unread.add(partition);
			}
		}
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		while (!unread.isEmpty() && System.nanoTime() < deadline) {
			consumer.poll(POLL).forEach(records::add);
			unread.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
		}
		List<DeadLetterRecord> newest = records.stream()
			.sorted(Comparator.comparingLong(ConsumerRecord<byte[], byte[]>::timestamp)
				.thenComparingLong(ConsumerRecord::offset)
				.reversed())
			.limit(limit)
			.map(DeadLetterReader::toRecord)
			.toList();
		return new RecentDeadLetters(topic, newest, unread.isEmpty());
	}

	private static DeadLetterRecord toRecord(ConsumerRecord<byte[], byte[]> record) {
		String value = text(record.value());
		boolean truncated = value != null && value.length() > MAX_VALUE_CHARS;
		return new DeadLetterRecord(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
				text(record.key()), truncated ? value.substring(0, MAX_VALUE_CHARS) : value, truncated,
				header(record, DeadLetterHeaders.STEP), header(record, DeadLetterHeaders.REASON),
				header(record, DeadLetterHeaders.ERROR_CLASS), "true".equals(header(record, DeadLetterHeaders.LATE)));
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : text(header.value());
	}

	private static String text(byte[] bytes) {
		return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
	}

}
