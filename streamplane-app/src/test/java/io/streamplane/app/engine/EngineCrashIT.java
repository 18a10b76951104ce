package io.streamplane.app.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.streamplane.app.testing.AcknowledgedSends;
import io.streamplane.app.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once across a crash: an engine in a JVM of its own is killed ({@code kill -9}) in the
 * middle of a windowed count, another takes over with the same instance id and state directory,
 * and the committed output holds every window's count exactly once.
 * <p>
 * The test waits on what the engines committed, never on the clock ({@link CommittedProgress}): it
 * kills the first engine once a fifth of the input is committed, and reads the output once the second
 * has committed all the input and each repartition topic up to its last record, with no transaction
 * open; so neither a slow machine nor a fast one changes what it reads, and it fails on a wait only
 * when the engine stops making progress (neither its committed offsets nor its log moved for
 * {@link CommittedProgress#STALL}). When the counts differ it writes what it saw to
 * {@code target/engine-crash-it/dump.txt} ({@link ExactlyOnceDump}), with what the broker acknowledged of
 * the input and the input's end offsets per partition. Stress run under CPU contention:
 * {@code streamplane-app/stress/engine-crash.sh}.
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

	/** Logs what each engine restored, per store, for the dump. */
	private static final Map<String, String> RESTORATION_LOG = Map.of(
			"logging.level.org.apache.kafka.streams.processor.internals.StoreChangelogReader", "INFO");

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
		Map<String, Long> expected = new HashMap<>();
		Map<TopicPartition, Long> acknowledged = produceInput(expected);
		broker.run(SPEC);
		Path stateDir = TestInfrastructure.newDataDir();
		Path logs = Path.of("target", "engine-crash-it");

		try (Admin admin = admin()) {
			CommittedProgress progress = new CommittedProgress(admin, bootstrapServers, APPLICATION_ID);
			try (EngineProcess first = EngineProcess.start(bootstrapServers, "crash-engine", stateDir,
					logs.resolve("engine-1.log"), RESTORATION_LOG)) {
				progress.await("a fifth of the input committed", first::logSize,
						() -> progress.committed(INPUT) >= RECORDS / 5);
				first.kill();
			}
			long committedAtKill = progress.committed(INPUT);
			assertThat(committedAtKill).as("input offsets committed when the engine was killed: some input was left")
				.isLessThan(RECORDS + KEYS);

			try (EngineProcess second = EngineProcess.start(bootstrapServers, "crash-engine", stateDir,
					logs.resolve("engine-2.log"), RESTORATION_LOG)) {
				progress.awaitAllCommitted(INPUT, OUTPUT, second::logSize);
				Map<String, Long> counted = new HashMap<>();
				progress.readCommitted(OUTPUT, record -> {
					Map.Entry<String, Long> row = outputRow(record);
					counted.merge(row.getKey(), row.getValue(), Long::sum);
				});
				if (!counted.equals(expected)) {
					new ExactlyOnceDump(progress, EngineCrashIT::outputRow, EngineCrashIT::eventRow).write(
							logs.resolve("dump.txt"), expected, counted, new ExactlyOnceDump.Input(INPUT, acknowledged),
							OUTPUT, "sp.dlq." + PIPELINE, List.of(logs.resolve("engine-1.log"), second.log()));
				}
				assertThat(differences(expected, counted))
					.as("windows counted wrong (%d rows expected); engine logs and dump.txt in %s", expected.size(), logs)
					.isEmpty();
			}
		}
	}

	/**
	 * Produces the events in event-time order, then one event per key, a minute later, that closes
	 * every window on every partition; puts the expected count per key and window in {@code expected}.
	 * Fails unless the broker acknowledged every event ({@link AcknowledgedSends}): an input the broker
	 * dropped would otherwise read as counts the engine lost.
	 * @return the events the broker acknowledged per partition
	 */
	private static Map<TopicPartition, Long> produceInput(Map<String, Long> expected) {
		try (AcknowledgedSends<String, String> sends = AcknowledgedSends.of(producer())) {
			for (int i = 0; i < RECORDS; i++) {
				String key = "k" + (i * 7 % KEYS);
				long t = START + i / RECORDS_PER_SECOND;
				sends.send(event(key, t));
				expected.merge(row(key, Instant.ofEpochSecond(t - t % 10)), 1L, Long::sum);
			}
			for (int k = 0; k < KEYS; k++) {
				sends.send(event("k" + k, FLUSH));
			}
			sends.awaitAcknowledged();
			return sends.acknowledgedPerPartition();
		}
	}

	private static ProducerRecord<String, String> event(String key, long t) {
		return new ProducerRecord<>(INPUT, key, "{\"k\":\"" + key + "\",\"t\":" + t + "}");
	}

	/** The rows whose count differs, each with what was expected and what was counted. */
	private static Map<String, String> differences(Map<String, Long> expected, Map<String, Long> counted) {
		Map<String, String> differences = new TreeMap<>();
		expected.forEach((row, count) -> {
			if (!count.equals(counted.get(row))) {
				differences.put(row, count + " expected, " + counted.get(row) + " counted");
			}
		});
		counted.forEach((row, count) -> {
			if (!expected.containsKey(row)) {
				differences.put(row, "none expected, " + count + " counted");
			}
		});
		return differences;
	}

	/**
	 * The row of an output record and the count it adds: a duplicate row adds its count again, so it
	 * shows as a wrong count.
	 */
	private static Map.Entry<String, Long> outputRow(ConsumerRecord<String, byte[]> record) {
		JsonNode value = JSON.readTree(record.value());
		return Map.entry(row(value.path("k").asString(), Instant.parse(value.path("window_start").asString())),
				value.path("count").asLong());
	}

	/** The row an input, repartitioned or dead-lettered event counts in: its key and the window of its event time. */
	private static String eventRow(ConsumerRecord<String, byte[]> record) {
		return row(record.key(), Instant.ofEpochMilli(record.timestamp() - record.timestamp() % 10_000));
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
