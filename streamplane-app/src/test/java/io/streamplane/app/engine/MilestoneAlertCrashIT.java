package io.streamplane.app.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance case c9 across a crash: the example {@code per-key-milestone-alert} runs in an engine
 * JVM of its own, which is killed ({@code kill -9}) once it has committed the first 60 events of
 * each user; the second engine starts with an empty state directory, so it must restore the
 * per-key counts and crossings from their changelog topics; after the rest of the events the
 * committed output holds exactly one alert. The test waits on what the engines committed, never on the
 * clock ({@link CommittedProgress}), so a busy machine makes it slower, not red.
 * <p>
 * The test runs its {@link OwnBroker own broker}, not the shared one: embedded by nature, it runs on
 * the embedded path whatever {@code -Pcontainers} says.
 */
class MilestoneAlertCrashIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PIPELINE = "per-key-milestone-alert";

	private static final String INPUT = "events";

	private static final String OUTPUT = "milestone-alerts";

	private static final String APPLICATION_ID = "sp-" + PIPELINE + "-v1";

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	private static final int BEFORE_CRASH = 60;

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
	void shouldAlertExactlyOnceWhenTheEngineIsKilledBetweenTheEvents() throws Exception {
		broker.createTopics(new NewTopic(INPUT, Optional.of(2), Optional.empty()));
		broker.run(ApiClient.example(PIPELINE + ".yaml"));
		List<ProducerRecord<String, String>> events = events();
		List<ProducerRecord<String, String>> first = events.subList(0, 2 * BEFORE_CRASH);
		Path logs = Path.of("target", "milestone-alert-crash-it");

		try (Admin admin = admin()) {
			CommittedProgress progress = new CommittedProgress(admin, bootstrapServers, APPLICATION_ID);
			try (EngineProcess engine = EngineProcess.start(bootstrapServers, "milestone-engine",
					TestInfrastructure.newDataDir(), logs.resolve("engine-1.log"))) {
				produce(first);
				progress.await("the first " + first.size() + " events committed through the repartition topic",
						engine::logSize, () -> committed(INPUT) >= first.size() && committed("repartition") >= first.size());
				engine.kill();
			}
			assertThat(changelogs()).as("per-key state is logged").hasSize(2);

			try (EngineProcess engine = EngineProcess.start(bootstrapServers, "milestone-engine",
					TestInfrastructure.newDataDir(), logs.resolve("engine-2.log"))) {
				produce(events.subList(first.size(), events.size()));
				progress.awaitAllCommitted(INPUT, OUTPUT, engine::logSize);
				List<JsonNode> alerts = new ArrayList<>();
				progress.readCommitted(OUTPUT, record -> alerts.add(JSON.readTree(record.value())));

				assertThat(alerts).as("alerts; engine logs in %s", logs)
					.containsExactly(JSON.readTree("{\"user_id\":\"u1\",\"milestone\":100,\"ts\":\"2026-01-01T00:01:39Z\"}"));
			}
		}
	}

	/** The inputs of c9: u1 150 events, u2 99, interleaved, then u1's remainder; keyed by user. */
	private static List<ProducerRecord<String, String>> events() {
		List<ProducerRecord<String, String>> events = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			events.add(event("u1", i));
			if (i < 99) {
				events.add(event("u2", i));
			}
		}
		return events;
	}

	private static ProducerRecord<String, String> event(String user, int i) {
		return new ProducerRecord<>(INPUT, user,
				"{\"user_id\":\"" + user + "\",\"ts\":\"" + START.plusSeconds(i) + "\"}");
	}

	private static void produce(List<ProducerRecord<String, String>> records) {
		broker.produce(records);
	}

	/** The offsets the pipeline committed on topics whose name contains {@code topic}, summed over partitions. */
	private static long committed(String topic) {
		try (Admin admin = admin()) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(APPLICATION_ID)
				.partitionsToOffsetAndMetadata()
				.get();
			return offsets.entrySet()
				.stream()
				.filter(entry -> entry.getKey().topic().contains(topic) && entry.getValue() != null)
				.mapToLong(entry -> entry.getValue().offset())
				.sum();
		}
		catch (ExecutionException | InterruptedException ex) {
			throw new IllegalStateException("cannot list the offsets of group " + APPLICATION_ID, ex);
		}
	}

	private static List<String> changelogs() throws ExecutionException, InterruptedException {
		try (Admin admin = admin()) {
			return admin.listTopics().names().get().stream()
				.filter(name -> name.startsWith(APPLICATION_ID) && name.endsWith(".state-changelog"))
				.sorted()
				.toList();
		}
	}

	private static Admin admin() {
		return broker.admin();
	}

}
