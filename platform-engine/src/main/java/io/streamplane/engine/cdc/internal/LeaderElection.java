package io.streamplane.engine.cdc.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects one capturing instance among the engines: all of them join one consumer group on a
 * single-partition topic, and the member assigned partition 0 leads. When the partition is revoked
 * or lost, {@link Listener#demoted()} runs before the poll returns, so the old leader has stopped
 * before the group hands the partition on (PostgreSQL also lets only one connection use a slot).
 * A member that dies is replaced after the group's session timeout.
 */
final class LeaderElection implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LeaderElection.class);

	/** Told of leadership changes on the election thread. */
	interface Listener {

		void elected();

		void demoted();

	}

	private final Runnable createTopic;

	private final Supplier<Consumer<byte[], byte[]>> consumers;

	private final String topic;

	private final Listener listener;

	private final Thread thread;

	private volatile Consumer<byte[], byte[]> consumer;

	private volatile boolean running = true;

	private volatile boolean leader;

	/**
	 * @param createTopic creates the election topic unless it exists; run before each join
	 */
	LeaderElection(Runnable createTopic, Supplier<Consumer<byte[], byte[]>> consumers, String topic,
			Listener listener) {
		this.createTopic = createTopic;
		this.consumers = consumers;
		this.topic = topic;
		this.listener = listener;
		this.thread = Thread.ofPlatform().name("sp-cdc-leader-election").daemon().unstarted(this::run);
	}

	void start() {
		thread.start();
	}

	boolean isLeader() {
		return leader;
	}

	private void run() {
		while (running) {
			try {
				createTopic.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Cannot create the CDC leader topic {}; trying again: {}", topic, ex.getMessage());
				sleep();
				continue;
			}
			try (Consumer<byte[], byte[]> member = consumers.get()) {
				consumer = member;
				member.subscribe(List.of(topic), new Rebalance());
				while (running) {
					member.poll(Duration.ofMillis(500));
				}
			}
			catch (WakeupException ex) {
				// closing
			}
			catch (RuntimeException ex) {
				logger.warn("CDC leader election failed; joining again: {}", ex.getMessage());
				demote();
				sleep();
			}
		}
		demote();
	}

	private void demote() {
		if (leader) {
			leader = false;
			logger.info("No longer the CDC leader");
			listener.demoted();
		}
	}

	private void sleep() {
		try {
			Thread.sleep(1_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	@Override
	public void close() {
		running = false;
		Consumer<byte[], byte[]> current = consumer;
		if (current != null) {
			current.wakeup();
		}
		try {
			thread.join(60_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private final class Rebalance implements ConsumerRebalanceListener {

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			if (!leader && partitions.contains(new TopicPartition(topic, 0))) {
				leader = true;
				logger.info("Elected CDC leader");
				listener.elected();
			}
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			if (partitions.contains(new TopicPartition(topic, 0))) {
				demote();
			}
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			onPartitionsRevoked(partitions);
		}

	}

}
