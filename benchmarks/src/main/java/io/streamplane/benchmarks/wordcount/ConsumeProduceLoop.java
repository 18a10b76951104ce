package io.streamplane.benchmarks.wordcount;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.Json;
import io.streamplane.benchmarks.harness.Throughput;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Variant (c), the ceiling: one thread that polls the input, decodes each JSON word and writes it
 * back as JSON, keyed by the word, to the output topic. No state, no windows, no commits; the
 * consumer and producer use the settings Kafka Streams gives its own clients (1,000 records per
 * poll, 100 ms linger), so the loop differs from (a) and (b) only in doing less.
 */
final class ConsumeProduceLoop {

	private static final Duration POLL = Duration.ofMillis(100);

	private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

	private ConsumeProduceLoop() {
	}

	static Throughput measure(String bootstrapServers, String input, String output, long records) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers));
				KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers))) {
			List<TopicPartition> partitions = consumer.partitionsFor(input)
				.stream()
				.map(info -> new TopicPartition(input, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long started = 0;
			long processed = 0;
			long lastProgress = System.nanoTime();
			while (processed < records) {
				ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
				if (batch.isEmpty()) {
					if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
						throw new BenchmarkException("The consume-produce loop stalled after " + processed + " of "
								+ records + " records");
					}
					continue;
				}
				started = started == 0 ? System.nanoTime() : started;
				for (ConsumerRecord<byte[], byte[]> record : batch) {
					WordEvent event = Json.read(record.value(), WordEvent.class);
					producer.send(new ProducerRecord<>(output, event.word().getBytes(StandardCharsets.UTF_8), Json.write(event)));
				}
				processed += batch.count();
				lastProgress = System.nanoTime();
			}
			producer.flush();
			return new Throughput(processed, System.nanoTime() - started, 0, 0);
		}
	}

	private static Map<String, Object> consumerConfig(String bootstrapServers) {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
	}

	private static Map<String, Object> producerConfig(String bootstrapServers) {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 100);
	}

}
