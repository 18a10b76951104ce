package io.streamplane.benchmarks.wordcount;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import io.streamplane.benchmarks.harness.Json;
import io.streamplane.benchmarks.harness.SpecResources;
import io.streamplane.spec.Emit;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Variants (a) and (b) must compute the same counts, or the throughput ratio compares different work. */
class SameLogicTest {

	/** Kafka Streams' state of this test's drivers, not the shared default under /tmp/kafka-streams. */
	@TempDir
	Path stateDir;

	private static final long WINDOW_0 = 1_795_000_000_000L;

	/** Window 0 closes at 40 s (end plus 30 s lateness), the window from 10 s stays open. */
	private static final List<WordEvent> EVENTS = List.of(new WordEvent(WINDOW_0 + 1_000, "apple"),
			new WordEvent(WINDOW_0 + 2_000, "pear"), new WordEvent(WINDOW_0 + 9_999, "apple"),
			new WordEvent(WINDOW_0 + 10_000, "apple"), new WordEvent(WINDOW_0 + 40_000, "pear"));

	@Test
	void shouldWriteTheFinalCountsOfClosedWindowsOnlyInBothVariants() {
		List<WordCount> expected = List.of(count("apple", 0, 2), count("pear", 0, 1));

		assertThat(run(HandWrittenTopology.build(Workload.INPUT, "word-counts", Emit.FINAL), "word-counts"))
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(run(SpecResources.compile(Workload.SPEC_FINAL).topology(), "word-counts"))
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void shouldWriteEveryUpdateInBothVariantsWithTheCacheOff() {
		List<WordCount> handWritten = run(HandWrittenTopology.build(Workload.LATENCY_INPUT, "out", Emit.UPDATES), "out");
		List<WordCount> streamplane = run(SpecResources.compile(Workload.SPEC_UPDATES).topology(),
				"word-counts-latency");

		assertThat(streamplane).containsExactlyElementsOf(handWritten).hasSize(EVENTS.size());
	}

	private List<WordCount> run(Topology topology, String output) {
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "same-logic");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
		properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
		try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties)) {
			TestInputTopic<byte[], byte[]> words = driver.createInputTopic(input(topology), new ByteArraySerializer(),
					new ByteArraySerializer());
			EVENTS.forEach(event -> words.pipeInput(Json.write(event)));
			TestOutputTopic<byte[], byte[]> counts = driver.createOutputTopic(output, new ByteArrayDeserializer(),
					new ByteArrayDeserializer());
			return counts.readValuesToList().stream().map(json -> Json.read(json, WordCount.class)).toList();
		}
	}

	private static String input(Topology topology) {
		return topology.describe().subtopologies().iterator().next().nodes().stream()
			.filter(TopologyDescription.Source.class::isInstance)
			.map(node -> ((TopologyDescription.Source) node).topicSet().iterator().next())
			.findFirst()
			.orElseThrow();
	}

	private static WordCount count(String word, long offset, long count) {
		return new WordCount(word, Instant.ofEpochMilli(WINDOW_0 + offset).toString(),
				Instant.ofEpochMilli(WINDOW_0 + offset + 10_000).toString(), count);
	}

}
