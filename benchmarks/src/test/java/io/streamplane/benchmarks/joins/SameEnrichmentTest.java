package io.streamplane.benchmarks.joins;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.LongStream;

import io.streamplane.benchmarks.harness.Json;
import io.streamplane.benchmarks.harness.SpecResources;
import io.streamplane.engine.compile.CompiledPipeline;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The variants must write the same enriched views, or the throughput ratios compare different work. */
class SameEnrichmentTest {

	/** Kafka Streams' state of this test's drivers, not the shared default under /tmp/kafka-streams. */
	@TempDir
	Path stateDir;

	private static final long USERS = 5;

	@Test
	void shouldEnrichEveryViewWithItsUserInEveryVariant() {
		Random random = new Random(7);
		List<PageView> views = LongStream.range(0, 20)
			.mapToObj(i -> JoinsWorkload.view(i, USERS, random, 1_795_000_000_000L + i))
			.toList();
		List<Map<String, Object>> expected = views.stream()
			.map(view -> asMap(EnrichedView.of(view, JoinsWorkload.user(view.userId()))))
			.toList();

		List<Map<String, Object>> handWritten = run(HandWrittenJoin.build(JoinsWorkload.VIEWS, JoinsWorkload.USERS,
				"out", false), "out", views);
		List<Map<String, Object>> rekeyed = run(HandWrittenJoin.build(JoinsWorkload.VIEWS, JoinsWorkload.USERS,
				"out", true), "out", views);
		CompiledPipeline lookup = SpecResources.compile(JoinsWorkload.SPEC_LOOKUP);
		List<Map<String, Object>> streamplane = run(lookup.topology(), lookup.outputTopics().iterator().next(), views);
		CompiledPipeline reactive = SpecResources.compile(JoinsWorkload.SPEC_REACTIVE);
		List<Map<String, Object>> changes = run(reactive.topology(), reactive.outputTopics().iterator().next(), views);
		CompiledPipeline reactiveOnKey = SpecResources.compile(JoinsWorkload.SPEC_REACTIVE_ON_KEY);
		List<Map<String, Object>> changesOnKey = run(reactiveOnKey.topology(), reactiveOnKey.outputTopics().iterator().next(),
				views);

		assertThat(handWritten).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(rekeyed).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(streamplane).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(changes).allSatisfy(change -> assertThat(change).containsEntry("op", "+"));
		assertThat(changes.stream().map(SameEnrichmentTest::withoutOp).toList())
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(changesOnKey).allSatisfy(change -> assertThat(change).containsEntry("op", "+"));
		assertThat(changesOnKey.stream().map(SameEnrichmentTest::withoutOp).toList())
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	private List<Map<String, Object>> run(Topology topology, String output, List<PageView> views) {
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "same-enrichment");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
		properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
		try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties)) {
			TestInputTopic<byte[], byte[]> users = driver.createInputTopic(JoinsWorkload.USERS,
					new ByteArraySerializer(), new ByteArraySerializer());
			LongStream.range(0, USERS)
				.forEach(id -> users.pipeInput(JoinsWorkload.key(id), Json.write(JoinsWorkload.user(id)), 0L));
			TestInputTopic<byte[], byte[]> input = driver.createInputTopic(JoinsWorkload.VIEWS,
					new ByteArraySerializer(), new ByteArraySerializer());
			views.forEach(view -> input.pipeInput(JoinsWorkload.key(view.userId()), Json.write(view), view.ts()));
			return driver.createOutputTopic(output, new ByteArrayDeserializer(), new ByteArrayDeserializer())
				.readValuesToList()
				.stream()
				.map(SameEnrichmentTest::read)
				.toList();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> read(byte[] json) {
		return Json.read(json, Map.class);
	}

	private static Map<String, Object> asMap(EnrichedView view) {
		return read(Json.write(view));
	}

	private static Map<String, Object> withoutOp(Map<String, Object> change) {
		Map<String, Object> row = new LinkedHashMap<>(change);
		row.remove("op");
		return row;
	}

}
