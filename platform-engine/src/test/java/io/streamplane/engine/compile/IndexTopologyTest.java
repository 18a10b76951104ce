package io.streamplane.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.streamplane.protocol.index.IndexChange;
import io.streamplane.protocol.index.IndexCodec;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled index on its own: its topic, the IndexCodec form of its records, their timestamps, the counters. */
class IndexTopologyTest {

	private static final PipelineSpec SPEC = new SpecReader().read("""
			name: library
			tables:
			  documents:
			    postgresCdc: { table: public.documents }
			    primaryKey: [doc_id]
			indexes:
			  - name: docs
			    from: documents
			    text: body
			    metadata: [category]
			""", SpecFormat.YAML).spec();

	private static final String TOPIC = "sp.index.library.docs";

	@TempDir
	Path stateDir;

	private final PipelineCounters counters = new PipelineCounters();

	@Test
	void shouldDeclareTheIndexTopicAndItsCounters() {
		CompiledPipeline compiled = new PipelineCompiler().compile(SPEC, counters);

		assertThat(compiled.indexTopics()).containsExactly(TOPIC);
		assertThat(compiled.outputTopics()).isEmpty();
		assertThat(counters.indexes()).containsExactly(Map.entry("docs", new IndexCounts.Snapshot(TOPIC, 0, 0, null)));
	}

	@Test
	void shouldWriteUpsertsAndDeletesKeyedByThePrimaryKeyAtTheSourceTime() {
		CompiledPipeline compiled = new PipelineCompiler().compile(SPEC, counters);
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties())) {
			TestInputTopic<byte[], byte[]> cdc = driver.createInputTopic("sp.cdc.public.documents",
					new ByteArraySerializer(), new ByteArraySerializer());
			cdc.pipeInput(change("{\"doc_id\":1}", "{\"doc_id\":1,\"body\":\"Pathway is reactive.\",\"category\":\"py\"}", 1_000));
			cdc.pipeInput(change("{\"doc_id\":1}", null, 2_000));

			List<TestRecord<byte[], byte[]>> records = driver.createOutputTopic(TOPIC, new ByteArrayDeserializer(),
					new ByteArrayDeserializer()).readRecordsToList();
			assertThat(records).extracting(record -> IndexCodec.read(record.key(), record.value())).containsExactly(
					new IndexChange.Upsert(Map.of("doc_id", 1), "Pathway is reactive.", Map.of("category", "py")),
					new IndexChange.Delete(Map.of("doc_id", 1)));
			assertThat(records).extracting(TestRecord::timestamp).containsExactly(1_000L, 2_000L);
			assertThat(new String(records.getFirst().key(), StandardCharsets.UTF_8)).isEqualTo("{\"doc_id\":1}");
		}
		assertThat(counters.indexes().get("docs"))
			.isEqualTo(new IndexCounts.Snapshot(TOPIC, 1, 1, Instant.ofEpochMilli(2_000)));
		assertThat(counters.recordsOut()).isEqualTo(2);
	}

	private static TestRecord<byte[], byte[]> change(String key, String value, long timestamp) {
		return new TestRecord<>(key.getBytes(StandardCharsets.UTF_8),
				value == null ? null : value.getBytes(StandardCharsets.UTF_8), null, timestamp);
	}

	private Properties properties() {
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "index-test");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		return properties;
	}

}
