package io.streamplane.benchmarks.scale;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.streamplane.benchmarks.harness.Json;
import io.streamplane.engine.compile.CompiledPipeline;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Variants (a) and (b) must write the same sessions, and exactly those the workload expects, or the
 * benchmark compares different work and its output check means nothing.
 */
class SameSessionsTest {

	/** Kafka Streams' state of this test's drivers, not the shared default under /tmp/kafka-streams. */
	@TempDir
	Path stateDir;

	private static final SessionWorkload WORKLOAD = new SessionWorkload(10, 1_795_000_000_000L);

	@Test
	void shouldCloseEverySessionOneOnceTheBacklogReachesSessionTwo() {
		List<SessionResult> expected = new ArrayList<>();
		for (long user = 0; user < WORKLOAD.users(); user++) {
			expected.add(result(1, user));
		}

		assertThat(run(ScaleVariant.KAFKA_STREAMS, false)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(run(ScaleVariant.STREAMPLANE, false)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(run(ScaleVariant.STREAMPLANE_SUPPRESSED, false)).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void shouldCloseAUsersSessionTwoWithItsClosingEventInBothVariants() {
		List<SessionResult> handWritten = run(ScaleVariant.KAFKA_STREAMS, true);

		assertThat(handWritten).hasSize(2 * (int) WORKLOAD.users()).contains(result(2, 0), result(2, 9));
		assertThat(run(ScaleVariant.STREAMPLANE, true)).containsExactlyInAnyOrderElementsOf(handWritten);
		assertThat(run(ScaleVariant.STREAMPLANE_SUPPRESSED, true)).containsExactlyInAnyOrderElementsOf(handWritten);
	}

	private List<SessionResult> run(ScaleVariant variant, boolean closers) {
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "same-sessions");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
		properties.putAll(CompiledPipeline.requiredStreamsConfig());
		try (TopologyTestDriver driver = new TopologyTestDriver(variant.topology("in", "out"), properties)) {
			TestInputTopic<byte[], byte[]> in = driver.createInputTopic("in", new ByteArraySerializer(),
					new ByteArraySerializer());
			for (int round = 0; round < SessionWorkload.BACKLOG_ROUNDS; round++) {
				for (long user = 0; user < WORKLOAD.users(); user++) {
					in.pipeInput(Json.write(WORKLOAD.event(round, user)));
				}
			}
			for (long user = 0; closers && user < WORKLOAD.users(); user++) {
				in.pipeInput(Json.write(WORKLOAD.closer(user)));
			}
			return driver.createOutputTopic("out", new ByteArrayDeserializer(), new ByteArrayDeserializer())
				.readValuesToList()
				.stream()
				.map(json -> Json.read(json, SessionResult.class))
				.toList();
		}
	}

	private static SessionResult result(int session, long user) {
		SessionWorkload.Expected expected = WORKLOAD.expected(session, user);
		return new SessionResult(user, Instant.ofEpochMilli(expected.start()).toString(),
				Instant.ofEpochMilli(expected.end()).toString(), expected.events(), expected.amount());
	}

}
