package io.streamplane.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CompactedTopicFollowerTest {

	private static final String TOPIC = "sp.test";

	private static final TopicPartition FIRST = new TopicPartition(TOPIC, 0);

	private static final TopicPartition SECOND = new TopicPartition(TOPIC, 1);

	private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");

	private final List<String> handled = new CopyOnWriteArrayList<>();

	private final AtomicInteger caughtUp = new AtomicInteger();

	private final AtomicReference<Set<TopicPartition>> assigned = new AtomicReference<>(Set.of());

	private final CompactedTopicFollower<String, String> follower = new CompactedTopicFollower<>(TOPIC,
			"sp-test-follower", "the test topic is no longer followed", () -> consumer,
			record -> handled.add(record.key() + "=" + record.value()), caughtUp::incrementAndGet);

	@AfterEach
	void stop() {
		follower.stop(Duration.ofSeconds(5));
	}

	@Test
	void shouldReadEveryPartitionFromTheBeginningTombstonesIncludedAndSayOnceWhenCaughtUp() {
		twoPartitionsHoldingOneRecordEach();
		follower.start();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(handled).containsExactlyInAnyOrder("orders=v1", "clicks=null");
			assertThat(caughtUp).hasValue(1);
		});
		assertThat(assigned.get()).containsExactlyInAnyOrder(FIRST, SECOND);
		consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, "orders", "v2")));
		await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("orders=v2"));
		assertThat(caughtUp).as("caught up is said once").hasValue(1);
	}

	@Test
	void shouldWaitForTheTopicToExist() throws InterruptedException {
		follower.start();
		Thread.sleep(500);
		assertThat(follower.isRunning()).isTrue();
		assertThat(handled).isEmpty();

		twoPartitionsHoldingOneRecordEach();

		await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 2 && caughtUp.get() == 1);
	}

	private void twoPartitionsHoldingOneRecordEach() {
		consumer.updateBeginningOffsets(Map.of(FIRST, 0L, SECOND, 0L));
		consumer.updateEndOffsets(Map.of(FIRST, 1L, SECOND, 1L));
		consumer.schedulePollTask(() -> {
			assigned.set(consumer.assignment());
			consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "orders", "v1"));
			consumer.addRecord(new ConsumerRecord<>(TOPIC, 1, 0, "clicks", null));
		});
		consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null),
				new PartitionInfo(TOPIC, 1, null, null, null)));
	}

}
