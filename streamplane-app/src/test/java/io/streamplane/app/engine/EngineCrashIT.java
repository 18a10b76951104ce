package io.streamplane.app.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import io.streamplane.app.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once across a crash: an engine in a JVM of its own is killed ({@code kill -9}) in the
 * middle of a windowed count, another takes over with the same instance id and state directory,
 * and the committed output holds every window's count exactly once.
 * <p>
 * The test runs its {@link OwnBroker own broker}, not the shared one: embedded by nature, it runs on
 * the embedded path whatever {@code -Pcontainers} says.
 */
class EngineCrashIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PIPELINE = "crash-count";

	private static final String INPUT = PIPELINE + "-events";

	private static final String OUTPUT = PIPELINE + "-counts";

	private static final String APPLICATION_ID = "sp-" + PIPELINE + "-v1";

	private static final int PARTITIONS = 4;

	private static final int RECORDS = 200_000;

	private static final int KEYS = 37;

	private static final int RECORDS_PER_SECOND = 40;

	/**
	 * The first event time: two hours ago, not a fixed date. Window rows and window-store
	 * changelog records carry event time as their timestamp, and the broker's retention check
	 * (30 s after it starts, then every 5 minutes) deletes segments whose records are all older
	 * than the topic's retention (7 days for the output, a day more than the windows for the
	 * changelog), the active segment too. With a date months back, such a check during the run
	 * deleted the first output rows and window updates of every partition, which then read as
	 * counts the engine lost.
	 */
	private static final long START = Instant.now().minus(Duration.ofHours(2)).getEpochSecond();

	/** The event time of the events that close every window: a minute after the last window ends. */
	private static final long FLUSH = START + RECORDS / RECORDS_PER_SECOND + 60;

	private static final Duration WAIT = Duration.ofSeconds(180);

	private static final String SPEC = """
			name: %s
			sources:
			  events:
			    kafka: { topic: %s, format: json }
			    eventTime: { field: t, unit: seconds }
			    lateness: 30s
			    fields: { k: string, t: int }
			transforms:
			  counts:
			    from: events
			    steps:
			      - keyBy: k
			      - window: { tumbling: 10s, emit: final }
			        aggregate: { count: "count()" }
			outputs:
			  - { from: counts, kafka: { topic: %s, format: json } }
			processing:
			  guarantee: exactly_once
			""".formatted(PIPELINE, INPUT, OUTPUT);

	private static OwnBroker broker;

	private static String bootstrapServers;

	@BeforeAll
	static void ownBroker() {
		broker = OwnBroker.start();
		bootstrapServers = broker.bootstrapServers();
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void shouldCountEveryWindowExactlyOnceWhenTheEngineIsKilledMidway() throws Exception {
		broker.createTopics(new NewTopic(INPUT, Optional.of(PARTITIONS), Optional.empty()));
		Map<String, Long> expected = produceInput();
		broker.run(SPEC);
		Path stateDir = TestInfrastructure.newDataDir();
		Path logs = Path.of("target", "engine-crash-it");

		try (EngineProcess first = EngineProcess.start(bootstrapServers, "crash-engine", stateDir,
				logs.resolve("engine-1.log"))) {
			await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> committedInput() >= RECORDS / 5);
			first.kill();
		}
		long committedAtKill = committedInput();
		assertThat(committedAtKill).as("input offsets committed when the engine was killed: some input was left")
			.isLessThan(RECORDS + KEYS);

		try (EngineProcess second = EngineProcess.start(bootstrapServers, "crash-engine", stateDir,
				logs.resolve("engine-2.log"))) {
			Map<String, Long> counted = readCounts(expected.size());
			assertThat(counted).as("counts per key and window; engine logs in %s", logs)
				.containsExactlyInAnyOrderEntriesOf(expected);
		}
	}

	/**
	 * Produces the events in event-time order, then one event per key, a minute later, that closes
	 * every window on every partition; returns the expected count per key and window.
	 */
	private static Map<String, Long> produceInput() {
		Map<String, Long> expected = new HashMap<>();
		try (KafkaProducer<String, String> producer = producer()) {
			for (int i = 0; i < RECORDS; i++) {
				String key = "k" + (i * 7 % KEYS);
				long t = START + i / RECORDS_PER_SECOND;
				producer.send(event(key, t));
				expected.merge(row(key, Instant.ofEpochSecond(t - t % 10)), 1L, Long::sum);
			}
			for (int k = 0; k < KEYS; k++) {
				producer.send(event("k" + k, FLUSH));
			}
			producer.flush();
		}
		return expected;
	}

	private static ProducerRecord<String, String> event(String key, long t) {
		return new ProducerRecord<>(INPUT, key, "{\"k\":\"" + key + "\",\"t\":" + t + "}");
	}

	/** Input offsets the pipeline committed, summed over partitions. */
	private static long committedInput() throws ExecutionException, InterruptedException {
		try (Admin admin = admin()) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(APPLICATION_ID)
				.partitionsToOffsetAndMetadata()
				.get();
			return offsets.entrySet()
				.stream()
				.filter(entry -> entry.getKey().topic().equals(INPUT) && entry.getValue() != null)
				.mapToLong(entry -> entry.getValue().offset())
				.sum();
		}
	}

	/**
	 * Reads the committed output until {@code expected} window rows arrived, then a few seconds
	 * more to catch duplicates; a duplicate row adds its count again, so it shows as a wrong count.
	 */
	private static Map<String, Long> readCounts(int expected) {
		Map<String, Long> counted = new HashMap<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
				new StringDeserializer(), new StringDeserializer())) {
			await().atMost(WAIT).until(() -> !consumer.partitionsFor(OUTPUT).isEmpty());
			List<TopicPartition> partitions = consumer.partitionsFor(OUTPUT)
				.stream()
				.map(info -> new TopicPartition(OUTPUT, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Instant deadline = Instant.now().plus(WAIT);
			int rows = 0;
			while (rows < expected && Instant.now().isBefore(deadline)) {
				rows += count(consumer, counted);
			}
			Instant settled = Instant.now().plusSeconds(3);
			while (Instant.now().isBefore(settled)) {
				count(consumer, counted);
			}
		}
		return counted;
	}

	private static int count(KafkaConsumer<String, String> consumer, Map<String, Long> counted) {
		int rows = 0;
		for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
			JsonNode value = JSON.readTree(record.value());
			counted.merge(row(value.path("k").asString(), Instant.parse(value.path("window_start").asString())),
					value.path("count").asLong(), Long::sum);
			rows++;
		}
		return rows;
	}

	private static String row(String key, Instant windowStart) {
		return key + "@" + windowStart;
	}

	private static KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5),
				new StringSerializer(), new StringSerializer());
	}

	private static Admin admin() {
		return broker.admin();
	}

}
