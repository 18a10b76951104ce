package io.streamplane.engine.compile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a reactive join followed only by per-row steps recomputes the retractions of its results from
 * each event and the table row it was last joined with, instead of the output storing every row it
 * emitted. The output must not change: the same change records and the same dead letters as with the
 * store (the layout a pipeline version started by an earlier engine keeps), through rows that a filter
 * drops and takes back, expressions that fail (dead-lettered once, when the result is emitted, not again
 * when it is retracted), unchanged results, deletes and events that arrive before their row.
 */
class RecomputedRetractionsTest {

	/** Kafka Streams' state of this test's drivers, not the shared default under /tmp/kafka-streams. */
	@TempDir
	Path stateDir;

	private static final String SPEC = """
			name: retractions
			sources:
			  clicks: { kafka: { topic: clicks } }
			tables:
			  users: { kafka: { topic: users }, primaryKey: [id] }
			transforms:
			  enriched:
			    from: clicks
			    steps:
			      - join: { table: users, on: user_id, type: %s }
			      - filter: 'plan != "banned"'
			      - set: { ratio: "100 / score" }
			      - select: [page, plan, ratio]
			outputs:
			  - { from: enriched, kafka: { topic: enriched } }
			""";

	private static final ExistingState STARTED_WITH_THE_STORE = ExistingState.of(Set.of("outputs.0.emitted-changelog"));

	@ParameterizedTest(name = "{0} join, seed {1}")
	@CsvSource({ "inner, 1", "inner, 2", "left, 1", "left, 2" })
	void shouldWriteTheSameChangesAndDeadLettersAsTheStoreOfEmittedRows(String type, long seed) {
		PipelineSpec spec = new SpecReader().read(SPEC.formatted(type), SpecFormat.YAML).spec();
		CompiledPipeline recomputed = new PipelineCompiler().compile(spec, new PipelineCounters());
		CompiledPipeline stored = new PipelineCompiler().compile(spec, new PipelineCounters(), STARTED_WITH_THE_STORE);
		assertThat(recomputed.topology().describe().toString()).doesNotContain("outputs.0.emitted");
		assertThat(stored.topology().describe().toString()).contains("outputs.0.emitted");

		Written withoutStore = run(recomputed, seed, "recomputed");
		Written withStore = run(stored, seed, "stored");

		assertThat(withoutStore.changes()).as("seed %d", seed).isNotEmpty().isEqualTo(withStore.changes());
		assertThat(withoutStore.changes()).anyMatch(change -> change.startsWith("-"));
		assertThat(withoutStore.deadLetters()).as("seed %d", seed).isNotEmpty().isEqualTo(withStore.deadLetters());
	}

	private record Written(List<String> changes, List<String> deadLetters) {
	}

	/** Clicks and changes of three users drawn with {@code seed}: plans a filter drops, scores that fail, deletes. */
	private Written run(CompiledPipeline compiled, long seed, String name) {
		Random random = new Random(seed);
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, name);
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(name).toString());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties)) {
			TestInputTopic<byte[], byte[]> users = driver.createInputTopic("users", new ByteArraySerializer(),
					new ByteArraySerializer());
			TestInputTopic<byte[], byte[]> clicks = driver.createInputTopic("clicks", new ByteArraySerializer(),
					new ByteArraySerializer());
			String[] plans = { "free", "pro", "banned" };
			String[] scores = { ", \"score\": 0", ", \"score\": 1", ", \"score\": 4", "" };
			for (int i = 0; i < 40; i++) {
				long timestamp = 1_796_000_000_000L + i * 1_000L;
				int user = random.nextInt(3);
				int what = random.nextInt(10);
				if (what < 4) {
					clicks.pipeInput(utf8("c" + i), utf8("{\"page\": \"/p" + i + "\", \"user_id\": " + user + "}"),
							timestamp);
				}
				else if (what < 9) {
					users.pipeInput(utf8("{\"id\": " + user + "}"), utf8("{\"id\": " + user + ", \"plan\": \""
							+ plans[random.nextInt(plans.length)] + "\"" + scores[random.nextInt(scores.length)] + "}"), timestamp);
				}
				else {
					users.pipeInput(utf8("{\"id\": " + user + "}"), (byte[]) null, timestamp);
				}
			}
			List<String> changes = driver.createOutputTopic("enriched", new ByteArrayDeserializer(),
					new ByteArrayDeserializer()).readRecordsToList().stream().map(RecomputedRetractionsTest::describe).toList();
			List<String> deadLetters = driver.createOutputTopic(compiled.deadLetterTopic(), new ByteArrayDeserializer(),
					new ByteArrayDeserializer()).readRecordsToList().stream().map(RecomputedRetractionsTest::describe).toList();
			return new Written(changes, deadLetters);
		}
	}

	/** A record as {@code <value> @<key> <timestamp> [headers]}, the value first so a change reads {@code -{...}}. */
	private static String describe(TestRecord<byte[], byte[]> record) {
		List<String> headers = new ArrayList<>();
		for (Header header : record.headers()) {
			headers.add(header.key() + "=" + (header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8)));
		}
		String value = record.value() == null ? "null" : new String(record.value(), StandardCharsets.UTF_8);
		String key = record.key() == null ? "null" : new String(record.key(), StandardCharsets.UTF_8);
		return (value.startsWith("{\"op\":\"-\"") ? "-" : "") + value + " @" + key + " " + record.timestamp() + " "
				+ Arrays.toString(headers.toArray());
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
