package io.streamplane.benchmarks.wordcount;

import java.util.Map;
import java.util.Random;

import io.streamplane.benchmarks.harness.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Loads the input topic once, as fast as the broker takes it: unkeyed JSON {@link WordEvent}s whose
 * event time advances by {@code 1 / wordsPerEventSecond} seconds per record.
 */
final class InputLoader {

	private InputLoader() {
	}

	/** Writes {@code options.words()} records to {@code topic} and waits until all are acknowledged. */
	static void load(String bootstrapServers, String topic, BenchmarkOptions options, long eventTimeStart) {
		Random random = new Random(options.seed());
		Dictionary dictionary = Dictionary.random(options.dictionarySize(), random);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config(bootstrapServers))) {
			for (long i = 0; i < options.words(); i++) {
				long ts = eventTimeStart + i * 1_000 / options.wordsPerEventSecond();
				byte[] value = Json.write(new WordEvent(ts, dictionary.pick(random)));
				producer.send(new ProducerRecord<>(topic, value));
			}
			producer.flush();
		}
	}

	static Map<String, Object> config(String bootstrapServers) {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
	}

}
