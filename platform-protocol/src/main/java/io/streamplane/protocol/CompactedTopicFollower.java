package io.streamplane.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one compacted topic from the beginning, without a consumer group: every instance assigns
 * every partition, so it sees every key ({@link Topics#PIPELINES}, {@link Topics#STATUS}). Until the
 * topic exists it checks again every two seconds. Each record, tombstones included, goes to the
 * handler on the follower's thread ({@link ConsumerLoop}); once the follower has read up to the end
 * offsets it found at the start, it says so, once ({@code caughtUp}).
 *
 * @param <K> the record key type
 * @param <V> the record value type
 */
public final class CompactedTopicFollower<K, V> {

	private static final Logger log = LoggerFactory.getLogger(CompactedTopicFollower.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);

	private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

	private final String topic;

	private final Consumer<ConsumerRecord<K, V>> handler;

	private final Runnable caughtUp;

	private final ConsumerLoop<org.apache.kafka.clients.consumer.Consumer<K, V>> loop;

	/**
	 * A follower that is not started yet.
	 * @param topic the topic to follow
	 * @param threadName the name of its thread
	 * @param failure what stops working when the follower fails, for the error log
	 * @param consumers creates the consumer (no group, no auto-commit), on the follower's thread
	 * @param handler receives every record, in offset order per partition
	 * @param caughtUp called once the records present at the start have all been handled
	 */
	public CompactedTopicFollower(String topic, String threadName, String failure,
			Supplier<? extends org.apache.kafka.clients.consumer.Consumer<K, V>> consumers,
			Consumer<ConsumerRecord<K, V>> handler, Runnable caughtUp) {
		this.topic = topic;
		this.handler = handler;
		this.caughtUp = caughtUp;
		this.loop = new ConsumerLoop<>(threadName, failure, consumers::get, this::follow);
	}

	/** A follower that is not started yet and need not know when it has caught up. */
	public CompactedTopicFollower(String topic, String threadName, String failure,
			Supplier<? extends org.apache.kafka.clients.consumer.Consumer<K, V>> consumers,
			Consumer<ConsumerRecord<K, V>> handler) {
		this(topic, threadName, failure, consumers, handler, () -> {
		});
	}

	/** Starts following on a thread of its own. */
	public void start() {
		loop.start();
	}

	/** Stops following: wakes the consumer and waits at most {@code timeout} for the thread. */
	public void stop(Duration timeout) {
		loop.stop(timeout);
	}

	/** Whether the follower was started and not stopped. */
	public boolean isRunning() {
		return loop.isRunning();
	}

	private void follow(org.apache.kafka.clients.consumer.Consumer<K, V> consumer, BooleanSupplier running) {
		List<TopicPartition> assigned = assignAll(consumer, running);
		if (assigned.isEmpty()) {
			return;
		}
		Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
		boolean behind = true;
		while (running.getAsBoolean()) {
			consumer.poll(POLL).forEach(handler);
			if (behind && ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
				behind = false;
				caughtUp.run();
			}
		}
	}

	private List<TopicPartition> assignAll(org.apache.kafka.clients.consumer.Consumer<K, V> consumer,
			BooleanSupplier running) {
		while (running.getAsBoolean()) {
			List<PartitionInfo> partitions = partitionsOrEmpty(consumer);
			if (!partitions.isEmpty()) {
				List<TopicPartition> assigned = partitions.stream()
					.map(info -> new TopicPartition(info.topic(), info.partition()))
					.toList();
				consumer.assign(assigned);
				consumer.seekToBeginning(assigned);
				return assigned;
			}
			log.info("Waiting for topic {} to be created", topic);
			try {
				Thread.sleep(TOPIC_RETRY);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return List.of();
			}
		}
		return List.of();
	}

	private List<PartitionInfo> partitionsOrEmpty(org.apache.kafka.clients.consumer.Consumer<K, V> consumer) {
		try {
			List<PartitionInfo> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT);
			return partitions == null ? List.of() : partitions;
		}
		catch (TimeoutException ex) {
			return List.of();
		}
	}

}
