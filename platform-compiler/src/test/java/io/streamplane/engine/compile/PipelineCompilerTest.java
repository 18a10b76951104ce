package io.streamplane.engine.compile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import io.streamplane.spec.DeliveryGuarantee;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineCompilerTest {

	/** Kafka Streams' state of this test's drivers, not the shared default under /tmp/kafka-streams. */
	@TempDir
	Path stateDir;

	private static final PipelineSpec SPEC = new SpecReader().read("""
			name: shop
			sources:
			  payments:
			    kafka: { topic: payments }
			    fields: { amount: double }
			transforms:
			  big:
			    from: payments
			    steps:
			      - filter: "amount > 10.0"
			outputs:
			  - { from: big, kafka: { topic: big } }
			""", SpecFormat.YAML).spec();

	private final PipelineCounters counters = new PipelineCounters();

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private TopologyTestDriver driver(CompiledPipeline compiled) {
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
		return new TopologyTestDriver(compiled.topology(), properties);
	}

	@Test
	void shouldDescribeTopicsAndGuaranteeOfThePipeline() {
		CompiledPipeline compiled = new PipelineCompiler().compile(SPEC, counters);

		assertThat(compiled.pipeline()).isEqualTo("shop");
		assertThat(compiled.inputTopics()).containsExactly("payments");
		assertThat(compiled.outputTopics()).containsExactly("big");
		assertThat(compiled.deadLetterTopic()).isEqualTo("sp.dlq.shop");
		assertThat(compiled.guarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
	}

	@Test
	void shouldDeadLetterUnparsableJsonWithItsOriginalBytesAndHeadersAndKeepRunning() {
		CompiledPipeline compiled = new PipelineCompiler().compile(SPEC, counters);
		try (TopologyTestDriver driver = driver(compiled)) {
			TestInputTopic<byte[], byte[]> payments = driver.createInputTopic("payments", new ByteArraySerializer(),
					new ByteArraySerializer());
			payments.pipeInput(utf8("k1"), utf8("{not json"));
			payments.pipeInput(utf8("k2"), utf8("{\"amount\": 20}"));
			payments.pipeInput(utf8("k3"), utf8("{\"amount\": 5}"));

			var deadLetters = driver.createOutputTopic("sp.dlq.shop", new ByteArrayDeserializer(),
					new ByteArrayDeserializer()).readRecordsToList();
			assertThat(deadLetters).singleElement().satisfies(letter -> {
				assertThat(letter.key()).isEqualTo(utf8("k1"));
				assertThat(letter.value()).isEqualTo(utf8("{not json"));
				assertThat(header(letter, DeadLetterHeaders.PIPELINE)).isEqualTo("shop");
				assertThat(header(letter, DeadLetterHeaders.STEP)).isEqualTo("sources.payments");
				assertThat(header(letter, DeadLetterHeaders.REASON)).startsWith("unparsable JSON");
				assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).isNotBlank();
			});
			assertThat(driver.createOutputTopic("big", new StringDeserializer(), new StringDeserializer())
				.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly("k2={\"amount\":20}");
		}
		assertThat(counters.recordsIn()).isEqualTo(3);
		assertThat(counters.recordsOut()).isEqualTo(1);
		assertThat(counters.deadLetters()).isEqualTo(1);
		assertThat(counters.lateRecords()).isZero();
	}

	@Test
	void shouldParseEndOfInputMarkersAsRecordsOutsideReplay() {
		CompiledPipeline compiled = new PipelineCompiler().compile(SPEC, counters);
		try (TopologyTestDriver driver = driver(compiled)) {
			RecordHeaders headers = new RecordHeaders();
			headers.add(EndOfInput.HEADER, new byte[0]);
			driver.createInputTopic("payments", new ByteArraySerializer(), new ByteArraySerializer())
				.pipeInput(new TestRecord<>(utf8("k"), utf8("{\"amount\": 50}"), headers, 0L));

			assertThat(driver.createOutputTopic("big", new StringDeserializer(), new StringDeserializer())
				.readValuesToList()).containsExactly("{\"amount\":50}");
		}
	}

	private static String header(TestRecord<byte[], byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
