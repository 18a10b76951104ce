package io.streamplane.app.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.streamplane.protocol.TopicsNotWritableException;
import io.streamplane.protocol.WritableTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regression test of KAFKA-15591 as the crash test met it: an idempotent producer that writes to a
 * topic right after {@code createTopics} can meet a partition whose leader is not ready and drop its
 * first batch after two minutes of retries. After {@link WritableTopics#await} every partition
 * takes the first idempotent write at once. Runs on a broker of its own, fresh like the crash
 * test's, with topics created as fast as the test can.
 */
class WritableTopicsIT {

	private static final int TOPICS = 6;

	private static final int PARTITIONS = 8;

	/** Far below the producer's default delivery timeout (two minutes), which a dropped batch waits out. */
	private static final Duration ACKNOWLEDGED_WITHIN = Duration.ofSeconds(10);

	private static OwnBroker broker;

	@BeforeAll
	static void ownBroker() {
		broker = OwnBroker.start();
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void shouldAcknowledgeTheFirstIdempotentWriteToEveryPartitionOnceAwaited() throws Exception {
		List<String> topics = IntStream.range(0, TOPICS).mapToObj(i -> "writable-" + i).toList();
		try (Admin admin = broker.admin(); KafkaProducer<String, String> producer = quickProducer()) {
			for (String topic : topics) {
				admin.createTopics(List.of(new NewTopic(topic, Optional.of(PARTITIONS), Optional.empty()))).all().get();
				WritableTopics.await(admin, List.of(topic), Duration.ofSeconds(60));

				assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions())
					.hasSize(PARTITIONS)
					.allSatisfy(partition -> assertThat(partition.leader()).isNotNull()
						.satisfies(leader -> assertThat(leader.isEmpty()).isFalse()));
				List<Future<RecordMetadata>> sends = new ArrayList<>();
				for (int partition = 0; partition < PARTITIONS; partition++) {
					sends.add(producer.send(new ProducerRecord<>(topic, partition, "k", "first")));
				}
				for (Future<RecordMetadata> send : sends) {
					RecordMetadata written = send.get(ACKNOWLEDGED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
					assertThat(written.offset()).as("the first record of %s-%d", topic, written.partition()).isZero();
				}
			}
		}
	}

	@Test
	void shouldNameTheTopicThatDoesNotBecomeWritable() {
		try (Admin admin = broker.admin()) {
			long started = System.nanoTime();
			assertThatThrownBy(() -> WritableTopics.await(admin, List.of("never-created"), Duration.ofSeconds(2)))
				.isInstanceOfSatisfying(TopicsNotWritableException.class,
						ex -> assertThat(ex.partitions()).singleElement().asString().startsWith("never-created: "))
				.hasMessageContaining("never-created")
				.hasMessageContaining("within 2000 ms");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
		}
	}

	@Test
	void shouldReturnAtOnceForTopicsThatAreWritable() throws Exception {
		try (Admin admin = broker.admin()) {
			admin.createTopics(List.of(new NewTopic("writable-already", Optional.of(2), Optional.empty()))).all().get();
			WritableTopics.await(admin, List.of("writable-already"), Duration.ofSeconds(60));
			Map<String, TopicDescription> described = admin.describeTopics(List.of("writable-already")).allTopicNames().get();

			long started = System.nanoTime();
			WritableTopics.await(admin, described.keySet(), Duration.ofSeconds(60));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		}
	}

	/** An idempotent producer that gives up on a batch after {@link #ACKNOWLEDGED_WITHIN}, not two minutes. */
	private static KafkaProducer<String, String> quickProducer() {
		int timeout = (int) ACKNOWLEDGED_WITHIN.toMillis();
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0,
				ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout),
				new StringSerializer(), new StringSerializer());
	}

}
