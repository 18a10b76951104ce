package io.streamplane.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import tools.jackson.databind.json.JsonMapper;

import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.PipelineState;
import io.streamplane.protocol.Topics;
import io.streamplane.rag.RagIndexerProperties;
import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.index.HnswQuery;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import io.streamplane.spec.SpecVersions;

/** Issue 11: the rag indexer validates each pipeline version once, not on every re-publication. */
class PipelineIndexesReaderTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SPEC = """
			name: orders
			sources:
			  orders: { kafka: { topic: orders, format: json }, fields: { id: int } }
			outputs:
			  - { from: orders, kafka: { topic: orders-out, format: json } }
			""";

	@TempDir
	Path dataDir;

	private final SpecVersions specs = new SpecVersions();

	private Indexes indexes;

	@AfterEach
	void close() {
		indexes.close();
	}

	@Test
	void shouldValidateAVersionOnceHoweverOftenItIsRePublished() throws Exception {
		indexes = new Indexes(new RagIndexerProperties(dataDir, Duration.ofMillis(100), Duration.ofSeconds(1), 16,
				Duration.ofMillis(500), 2000, 100, 64, HnswQuery.DEFAULT_CANDIDATES, null, null), new NoEmbedder(),
				new IndexConsumers(new KafkaProperties(), null, 16), new SimpleMeterRegistry());
		PipelineIndexesReader reader = new PipelineIndexesReader(
				() -> new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name()), indexes, specs);

		reader.apply(record(1, "2026-01-01T00:00:00Z"));
		reader.apply(record(1, "2026-01-01T00:00:30Z"));
		assertThat(specs.validations()).isOne();

		reader.apply(record(2, "2026-01-01T00:01:00Z"));
		assertThat(specs.validations()).isEqualTo(2);
	}

	private static ConsumerRecord<String, String> record(int version, String at) throws Exception {
		String value = JSON.writeValueAsString(new DesiredState("orders", version, PipelineState.RUNNING,
				new SpecReader().read(SPEC, SpecFormat.YAML).document(), Instant.parse(at)));
		return new ConsumerRecord<>(Topics.PIPELINES, 0, 0, "orders", value);
	}

	/** The pipeline has no indexes: nothing is embedded. */
	private static final class NoEmbedder implements Embedder {

		@Override
		public String model() {
			return "none";
		}

		@Override
		public int dimensions() {
			return 1;
		}

		@Override
		public List<float[]> embedAll(List<String> texts) {
			throw new UnsupportedOperationException("nothing is embedded in this test");
		}

	}

}
