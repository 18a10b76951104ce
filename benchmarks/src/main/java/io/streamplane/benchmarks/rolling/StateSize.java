package io.streamplane.benchmarks.rolling;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The size of a key-value store's state from its changelog: the last value of each key, key bytes
 * included, tombstones removing the key.
 *
 * @param keys the keys in the state
 * @param bytes their keys' and values' bytes together
 */
record StateSize(long keys, long bytes) {

	double bytesPerKey() {
		return keys == 0 ? 0 : (double) bytes / keys;
	}

	static StateSize of(String bootstrapServers, String changelog) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
		Map<String, Integer> sizes = new HashMap<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
			List<TopicPartition> partitions = consumer.partitionsFor(changelog).stream()
				.map(info -> new TopicPartition(changelog, info.partition())).toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					String key = new String(record.key(), StandardCharsets.UTF_8);
					if (record.value() == null) {
						sizes.remove(key);
					}
					else {
						sizes.put(key, record.key().length + record.value().length);
					}
				}
			}
		}
		return new StateSize(sizes.size(), sizes.values().stream().mapToLong(Integer::longValue).sum());
	}

}
