package io.streamplane.protocol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Waits until newly created topics can be written: every partition has a leader, and that leader
 * answers a request for the partition's end offset.
 * <p>
 * {@code createTopics} returns once the controller has recorded the topic, before its partitions'
 * leaders have loaded them. An idempotent producer that writes then can get
 * {@code NOT_LEADER_OR_FOLLOWER}, then retry with {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until its
 * {@code delivery.timeout.ms} (two minutes by default) ends, and drop the batch: only the send's
 * future says so (KAFKA-15591). A test's input lost the first 442 records of one partition that way.
 * Whoever creates a topic and then produces to it waits here first.
 */
public final class WritableTopics {

	private static final Duration FIRST_PAUSE = Duration.ofMillis(20);

	private static final Duration LONGEST_PAUSE = Duration.ofMillis(500);

	private static final Duration LONGEST_REQUEST = Duration.ofSeconds(5);

	private WritableTopics() {
	}

	/**
	 * Returns once every partition of each topic has a leader that answers for it, polling with a
	 * short back-off.
	 * @param admin a client of the cluster the topics are on
	 * @param topics the topics, created already (by this caller or another)
	 * @param timeout how long to wait at most
	 * @throws TopicsNotWritableException when some partition is not writable within {@code timeout}:
	 * names each one and why
	 */
	public static void await(Admin admin, Collection<String> topics, Duration timeout) {
		if (topics.isEmpty()) {
			return;
		}
		Instant deadline = Instant.now().plus(timeout);
		Duration pause = FIRST_PAUSE;
		while (true) {
			List<String> notWritable = notWritable(admin, topics, requestTimeout(deadline));
			if (notWritable.isEmpty()) {
				return;
			}
			if (!Instant.now().plus(pause).isBefore(deadline)) {
				throw new TopicsNotWritableException("not writable within " + timeout.toMillis() + " ms: "
						+ String.join("; ", notWritable)
						+ "; check that the brokers are up and that the topics' replicas can be placed", notWritable);
			}
			sleep(pause);
			pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
		}
	}

	/** What is not writable yet, one entry per topic or partition, with the reason; empty when all are. */
	private static List<String> notWritable(Admin admin, Collection<String> topics, Duration request) {
		List<String> problems = new ArrayList<>();
		Map<TopicPartition, OffsetSpec> led = new HashMap<>();
		Map<String, KafkaFuture<TopicDescription>> descriptions = admin
			.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(millis(request)))
			.topicNameValues();
		for (String topic : topics) {
			TopicDescription description;
			try {
				description = get(descriptions.get(topic), request);
			}
			catch (ExecutionException | TimeoutException ex) {
				problems.add(topic + ": not described (" + reason(ex) + ")");
				continue;
			}
			for (TopicPartitionInfo partition : description.partitions()) {
				if (partition.leader() == null || partition.leader().isEmpty()) {
					problems.add(topic + "-" + partition.partition() + ": no leader");
				}
				else {
					led.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
				}
			}
		}
		if (!led.isEmpty()) {
			var offsets = admin.listOffsets(led, new ListOffsetsOptions().timeoutMs(millis(request)));
			for (TopicPartition partition : led.keySet()) {
				try {
					get(offsets.partitionResult(partition), request);
				}
				catch (ExecutionException | TimeoutException ex) {
					problems.add(partition + ": its leader does not answer yet (" + reason(ex) + ")");
				}
			}
		}
		return problems;
	}

	private static <T> T get(KafkaFuture<T> future, Duration timeout) throws ExecutionException, TimeoutException {
		try {
			return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TopicsNotWritableException("interrupted while waiting for topics to become writable", List.of());
		}
	}

	private static Duration requestTimeout(Instant deadline) {
		Duration left = Duration.between(Instant.now(), deadline);
		if (left.compareTo(FIRST_PAUSE) < 0) {
			return FIRST_PAUSE;
		}
		return left.compareTo(LONGEST_REQUEST) > 0 ? LONGEST_REQUEST : left;
	}

	private static int millis(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
	}

	private static String reason(Exception ex) {
		Throwable cause = ex instanceof ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
		return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TopicsNotWritableException("interrupted while waiting for topics to become writable", List.of());
		}
	}

}
