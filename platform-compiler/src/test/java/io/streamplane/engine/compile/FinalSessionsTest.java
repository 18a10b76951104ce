package io.streamplane.engine.compile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Properties;
import java.util.Random;

import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: session windows with {@code emit: final} emit from Kafka Streams' aggregation on window close
 * ({@link FinalWindows#ON_WINDOW_CLOSE}) instead of a suppression, on RocksDB stores as a running pipeline
 * has them. The results and dead letters are those of the suppression, and no session is lost when a record
 * moves stream time past the store's retention (gap plus lateness), which drops the store's older segments.
 */
class FinalSessionsTest {

	private static final PipelineSpec SPEC = new SpecReader().read("""
			name: visits
			sources:
			  clicks:
			    kafka: { topic: clicks }
			    eventTime: { field: ts, unit: iso8601 }
			    lateness: 1m
			transforms:
			  sessions:
			    from: clicks
			    steps:
			      - keyBy: user
			      - window: { session: { gap: 5m }, emit: final }
			        aggregate: { clicks: "count()", first: "min(n)" }
			outputs:
			  - { from: sessions, kafka: { topic: sessions } }
			""", SpecFormat.YAML).spec();

	private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

	@TempDir
	Path stateDir;

	@Test
	void shouldKeepTheSuppressionForAVersionWhoseSuppressionBufferHasAChangelog() {
		ExistingState olderEngine = ExistingState
			.of(Set.of("transforms.sessions.steps.1.final-store-changelog"));

		String older = new PipelineCompiler().compile(SPEC, new PipelineCounters(), olderEngine)
			.topology().describe().toString();
		String fresh = new PipelineCompiler().compile(SPEC, new PipelineCounters()).topology().describe().toString();

		assertThat(older).contains("transforms.sessions.steps.1.final-store");
		assertThat(fresh).doesNotContain("final-store");
	}

	@Test
	void shouldEmitSessionsThatAJumpOfStreamTimeBeyondTheRetentionCloses() {
		List<String> clicks = List.of(click("u", 0, 1), click("v", 30, 2), click("u", 200, 3),
				click("w", 10 * 3600, 4));

		Run run = run(FinalWindows.ON_WINDOW_CLOSE, clicks);

		assertThat(run.results()).containsExactlyInAnyOrder(
				"u {\"user\":\"u\",\"window_start\":\"2026-01-01T00:00:00Z\",\"window_end\":\"2026-01-01T00:03:20Z\",\"clicks\":2,\"first\":1}",
				"v {\"user\":\"v\",\"window_start\":\"2026-01-01T00:00:30Z\",\"window_end\":\"2026-01-01T00:00:30Z\",\"clicks\":1,\"first\":2}");
	}

	@Test
	void shouldEmitEverySessionWhileStreamTimeCrossesSegmentBoundariesFiveSecondsAtATime() {
		List<String> clicks = new ArrayList<>();
		for (int second = 0; second < 30 * 60; second += 5) {
			clicks.add(click("u" + second, second, second));
		}

		Run run = run(FinalWindows.ON_WINDOW_CLOSE, clicks);

		int open = 6 * 60 / 5 + 1;
		assertThat(run.results()).hasSize(clicks.size() - open).doesNotHaveDuplicates();
	}

	/**
	 * Records on time or late by more than gap plus lateness (dead letters). Not a record between the two: one
	 * that joins a session already closed and emitted; see docs/concepts/windows.md, emit: final of sessions.
	 */
	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4 })
	void shouldEmitWhatTheSuppressionEmitsAndDeadLetterTheSameRecords(long seed) {
		Random random = new Random(seed);
		List<String> clicks = new ArrayList<>();
		int time = 0;
		for (int i = 0; i < 150; i++) {
			time += random.nextInt(40);
			int skew = random.nextInt(10) == 0 ? 400 + random.nextInt(500) : random.nextInt(30);
			clicks.add(click("u" + random.nextInt(8), Math.max(0, time - skew), i));
		}
		clicks.add(click("closer", time + 24 * 3600, -1));

		Run onClose = run(FinalWindows.ON_WINDOW_CLOSE, clicks);
		Run suppressed = run(FinalWindows.SUPPRESSION, clicks);

		assertThat(onClose.results()).as("seed %d", seed).isNotEmpty()
			.containsExactlyInAnyOrderElementsOf(suppressed.results());
		assertThat(onClose.deadLetters()).as("seed %d", seed).isNotEmpty().isEqualTo(suppressed.deadLetters());
	}

	private static String click(String user, int second, int n) {
		return "{\"user\": \"" + user + "\", \"ts\": \"" + BASE.plusSeconds(second) + "\", \"n\": " + n + "}";
	}

	private Run run(FinalWindows finalWindows, List<String> clicks) {
		CompiledPipeline compiled = new PipelineCompiler().withFinalWindows(finalWindows)
			.compile(SPEC, new PipelineCounters());
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "visits-" + finalWindows);
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(finalWindows.name()).toString());
		properties.putAll(CompiledPipeline.requiredStreamsConfig());
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties)) {
			TestInputTopic<byte[], byte[]> input = driver.createInputTopic("clicks", new ByteArraySerializer(),
					new ByteArraySerializer());
			clicks.forEach(click -> input.pipeInput(click.getBytes(StandardCharsets.UTF_8)));
			List<String> results = driver.createOutputTopic("sessions", new StringDeserializer(),
					new StringDeserializer()).readKeyValuesToList().stream().map(kv -> kv.key + " " + kv.value).toList();
			List<String> deadLetters = driver.createOutputTopic(compiled.deadLetterTopic(), new ByteArrayDeserializer(),
					new ByteArrayDeserializer()).readValuesToList().stream()
				.map(value -> new String(value, StandardCharsets.UTF_8)).toList();
			return new Run(results, deadLetters);
		}
	}

	private record Run(List<String> results, List<String> deadLetters) {
	}

}
