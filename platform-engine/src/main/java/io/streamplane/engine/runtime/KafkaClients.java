package io.streamplane.engine.runtime;

import java.util.Map;

import io.streamplane.protocol.KafkaClientConfigs;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka clients of the engine, from {@link KafkaClientConfigs}: Spring Boot's
 * {@code spring.kafka.*} and its connection details, so the engine connects where the rest of the
 * application does.
 */
final class KafkaClients {

	private final KafkaClientConfigs configs;

	private final String instanceId;

	KafkaClients(KafkaClientConfigs configs, String instanceId) {
		this.configs = configs;
		this.instanceId = instanceId;
	}

	/** The base configuration of a Kafka Streams application; the caller adds the pipeline's. */
	Map<String, Object> streams() {
		return configs.streams();
	}

	Admin admin(String purpose) {
		Map<String, Object> config = configs.admin();
		config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "sp-engine-" + purpose + "-" + instanceId);
		return Admin.create(config);
	}

	/** A consumer outside any group: it is assigned partitions and never commits offsets. */
	KafkaConsumer<String, String> groupLessConsumer(String purpose) {
		Map<String, Object> config = configs.consumer();
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "sp-engine-" + purpose + "-" + instanceId);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
	}

	/** A plain, non-transactional producer that blocks at most {@code maxBlockMs} on metadata. */
	KafkaProducer<String, String> producer(String purpose, long maxBlockMs) {
		Map<String, Object> config = configs.producer();
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "sp-engine-" + purpose + "-" + instanceId);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

}
