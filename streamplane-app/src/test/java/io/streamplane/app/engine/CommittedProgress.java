package io.streamplane.app.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Waits on what an exactly-once Kafka Streams application has committed instead of on the clock, so
 * a crash test reads its output once the application is done with all its input, however slow the
 * machine: every input record consumed and committed, every record of its repartition topics consumed
 * and committed, and no transaction open on those topics or the output. A wait fails only when the
 * application stops making progress: when neither its committed offsets nor its engine's other
 * signs of life (its log growing: an engine JVM took 5 minutes to start on 2 cores under a load of
 * 50) have moved for {@link #STALL}.
 *
 * @param admin the broker's admin client
 * @param bootstrapServers the broker
 * @param applicationId the application id: its consumer group and the prefix of its internal topics
 */
record CommittedProgress(Admin admin, String bootstrapServers, String applicationId) {

	/** How long a wait lets the committed offsets stand still before it fails. */
	static final Duration STALL = Duration.ofMinutes(5);

	private static final Duration POLL = Duration.ofMillis(200);

	/** The offsets the application committed, summed over the partitions of {@code topic}. */
	long committed(String topic) {
		return groupOffsets().entrySet()
			.stream()
			.filter(entry -> entry.getKey().topic().equals(topic))
			.mapToLong(entry -> entry.getValue().offset())
			.sum();
	}

	/** The offsets the application committed, summed over all its partitions: what {@link #STALL} watches. */
	long committed() {
		return groupOffsets().values().stream().mapToLong(OffsetAndMetadata::offset).sum();
	}

	/**
	 * Waits until {@code done}; fails when neither the committed offsets nor {@code life} have moved
	 * for {@link #STALL}.
	 * @param what what is awaited, for the failure's message
	 * @param life another sign that the engine is alive, e.g. the size of its log
	 */
	void await(String what, LongSupplier life, BooleanSupplier done) {
		awaitProgress(what, () -> committed() + life.getAsLong(), done);
	}

	/**
	 * Waits until the application has committed everything it has to do: all of {@code input}, each
	 * of its repartition topics up to its last record, and until no transaction is open on those or on
	 * {@code output}. Once it returns, {@code output} holds in its committed records all that the
	 * input will ever produce.
	 * @param life another sign that the engine is alive, e.g. the size of its log
	 */
	void awaitAllCommitted(String input, String output, LongSupplier life) {
		long inputEnd = sum(offsets(partitions(input), IsolationLevel.READ_UNCOMMITTED));
		await("all " + inputEnd + " records of " + input + " committed", life, () -> committed(input) >= inputEnd);
		List<TopicPartition> repartitions = new ArrayList<>();
		for (String topic : topics()) {
			if (topic.startsWith(applicationId) && topic.endsWith("-repartition")) {
				repartitions.addAll(partitions(topic));
			}
		}
		List<TopicPartition> written = new ArrayList<>(repartitions);
		written.addAll(partitions(output));
		await("no open transaction on " + written, life, () -> noOpenTransaction(written));
		Map<TopicPartition, Long> ends = lastRecordEnds(repartitions);
		await("the repartition topics committed up to their last records " + ends, life, () -> {
			Map<TopicPartition, OffsetAndMetadata> committed = groupOffsets();
			return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
					|| committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
		});
		await("no open transaction on " + written, life, () -> noOpenTransaction(written));
	}

	/** Reads every committed record of {@code topic}, up to its last stable offset now. */
	void readCommitted(String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
		read(topic, IsolationLevel.READ_COMMITTED, each);
	}

	/** Reads every record of {@code topic} up to its end now, with the given isolation. */
	void read(String topic, IsolationLevel isolation, Consumer<ConsumerRecord<String, byte[]>> each) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(isolation)) {
			List<TopicPartition> partitions = partitions(topic);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			awaitProgress("reading " + topic + " up to " + ends, () -> partitions.stream().mapToLong(consumer::position).sum(),
					() -> {
						if (partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition))) {
							return true;
						}
						consumer.poll(POLL).forEach(each);
						return false;
					});
		}
	}

	List<TopicPartition> partitions(String topic) {
		try {
			return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
		}
		catch (ExecutionException | InterruptedException ex) {
			throw new IllegalStateException("cannot describe " + topic, ex);
		}
	}

	Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, IsolationLevel isolation) {
		try {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
			Map<TopicPartition, Long> offsets = new HashMap<>();
			admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get()
				.forEach((partition, info) -> offsets.put(partition, info.offset()));
			return offsets;
		}
		catch (ExecutionException | InterruptedException ex) {
			throw new IllegalStateException("cannot list the offsets of " + partitions, ex);
		}
	}

	private boolean noOpenTransaction(List<TopicPartition> partitions) {
		return offsets(partitions, IsolationLevel.READ_COMMITTED).equals(offsets(partitions, IsolationLevel.READ_UNCOMMITTED));
	}

	/**
	 * The offset after the last record of each partition (0 when it has none), found among its last
	 * thousand offsets: the transaction markers that follow it take one offset each.
	 */
	private Map<TopicPartition, Long> lastRecordEnds(List<TopicPartition> partitions) {
		Map<TopicPartition, Long> stable = offsets(partitions, IsolationLevel.READ_COMMITTED);
		Map<TopicPartition, Long> ends = new HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = consumer(IsolationLevel.READ_COMMITTED)) {
			for (TopicPartition partition : partitions) {
				consumer.assign(List.of(partition));
				consumer.seekToBeginning(List.of(partition));
				long start = Math.max(consumer.position(partition), stable.get(partition) - 1000);
				consumer.seek(partition, start);
				long[] end = { 0 };
				awaitProgress("reading the end of " + partition, () -> consumer.position(partition), () -> {
					if (consumer.position(partition) >= stable.get(partition)) {
						return true;
					}
					consumer.poll(POLL).forEach(record -> end[0] = record.offset() + 1);
					return false;
				});
				ends.put(partition, end[0]);
			}
		}
		return ends;
	}

	private List<String> topics() {
		try {
			return List.copyOf(admin.listTopics().names().get());
		}
		catch (ExecutionException | InterruptedException ex) {
			throw new IllegalStateException("cannot list the topics", ex);
		}
	}

	private Map<TopicPartition, OffsetAndMetadata> groupOffsets() {
		try {
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(
					admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get());
			offsets.values().removeIf(Objects::isNull);
			return offsets;
		}
		catch (ExecutionException | InterruptedException ex) {
			throw new IllegalStateException("cannot list the offsets of group " + applicationId, ex);
		}
	}

	private KafkaConsumer<String, byte[]> consumer(IsolationLevel isolation) {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString(), ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static long sum(Map<TopicPartition, Long> offsets) {
		return offsets.values().stream().mapToLong(Long::longValue).sum();
	}

	/** Waits until {@code done}, failing when {@code progress} has not changed for {@link #STALL}. */
	static void awaitProgress(String what, LongSupplier progress, BooleanSupplier done) {
		long last = progress.getAsLong();
		Instant moved = Instant.now();
		while (!done.getAsBoolean()) {
			long now = progress.getAsLong();
			if (now != last) {
				last = now;
				moved = Instant.now();
			}
			else if (Instant.now().isAfter(moved.plus(STALL))) {
				throw new AssertionError("no progress for " + STALL + " while waiting for " + what);
			}
			sleep(POLL);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
