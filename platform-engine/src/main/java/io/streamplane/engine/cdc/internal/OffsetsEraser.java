package io.streamplane.engine.cdc.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Forgets the stored Debezium offsets of one table, by writing a tombstone for each of its keys
 * on the compacted offsets topic, so that the table is snapshotted again when it is demanded
 * again. Keys are found by reading the topic rather than rebuilt, so they match byte for byte.
 */
final class OffsetsEraser {

	private final CdcKafka kafka;

	private final String topic;

	OffsetsEraser(CdcKafka kafka, String topic) {
		this.kafka = kafka;
		this.topic = topic;
	}

	/** Erases the offsets whose key names the server (topic prefix) {@code server}; returns how many. */
	int erase(String server) {
		String marker = "\"server\":\"" + server + "\"";
		List<byte[]> keys = new ArrayList<>();
		try (Consumer<byte[], byte[]> consumer = kafka.groupLessConsumer("offsets-eraser")) {
			List<TopicPartition> partitions = Optional.ofNullable(consumer.partitionsFor(topic, Duration.ofSeconds(10)))
				.orElse(List.of())
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.key() != null && record.value() != null
							&& new String(record.key(), StandardCharsets.UTF_8).contains(marker)) {
						keys.add(record.key());
					}
				}
			}
		}
		Set<String> seen = new HashSet<>();
		try (KafkaProducer<byte[], byte[]> producer = kafka.bytesProducer("offsets-eraser")) {
			for (byte[] key : keys) {
				if (seen.add(new String(key, StandardCharsets.UTF_8))) {
					producer.send(new ProducerRecord<>(topic, key, null));
				}
			}
			producer.flush();
		}
		return seen.size();
	}

}
