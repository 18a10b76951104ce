package io.streamplane.benchmarks.groupby;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import io.streamplane.benchmarks.harness.Json;
import io.streamplane.benchmarks.harness.SpecResources;
import io.streamplane.engine.compile.CompiledPipeline;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The variants must end with the same count per region, the sentinel's included, or the
 * throughput ratio compares different work: (a)'s change stream folded by key against (b)'s last
 * count per region (a region whose count fell to 0 counts as absent).
 */
class SameCountsTest {

	/** Kafka Streams' state of this test's drivers, not the shared default under /tmp/kafka-streams. */
	@TempDir
	Path stateDir;

	@Test
	void shouldEndWithTheSameCountPerRegionInBothVariants() {
		CompiledPipeline pipeline = SpecResources.compile("groupby/orders-by-region.yaml");
		Map<String, Long> streamplane = new HashMap<>();
		for (TestRecord<String, String> change : run(pipeline.topology(), driver -> driver.createOutputTopic(
				pipeline.outputTopics().iterator().next(), new StringDeserializer(), new StringDeserializer())
			.readRecordsToList())) {
			Map<?, ?> row = Json.read(change.value().getBytes(StandardCharsets.UTF_8), Map.class);
			if ("+".equals(row.get("op"))) {
				streamplane.put(change.key(), ((Number) row.get("orders")).longValue());
			}
			else {
				streamplane.remove(change.key());
			}
		}
		Map<String, Long> handWritten = new HashMap<>();
		for (TestRecord<String, Long> count : run(HandWrittenCount.build(GroupByWorkload.ORDERS, "out"),
				driver -> driver.createOutputTopic("out", new StringDeserializer(), new LongDeserializer()).readRecordsToList())) {
			handWritten.put(count.key(), count.value());
		}
		handWritten.values().removeIf(count -> count == 0);

		assertThat(streamplane).containsEntry(GroupByWorkload.SENTINEL_REGION, 1L).hasSizeGreaterThan(3);
		assertThat(streamplane).isEqualTo(handWritten);
	}

	private <T> List<TestRecord<String, T>> run(Topology topology,
			Function<TopologyTestDriver, List<TestRecord<String, T>>> output) {
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "same-counts");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
		properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
		try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties)) {
			TestInputTopic<byte[], byte[]> orders = driver.createInputTopic(GroupByWorkload.ORDERS,
					new ByteArraySerializer(), new ByteArraySerializer());
			GroupByWorkload.generate(120, 20, 5, 18, (key, value) -> orders.pipeInput(key, value, 0L));
			return output.apply(driver);
		}
	}

}
