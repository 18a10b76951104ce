package io.streamplane.engine.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Kafka client configurations of the engine, derived from Spring Boot's {@code spring.kafka.*}
 * (security, SSL, client properties) and its connection details (bootstrap servers), so the engine
 * connects where the rest of the application does.
 */
final class KafkaClients {

	private final KafkaProperties properties;

	private final KafkaConnectionDetails connection;

	private final String instanceId;

	KafkaClients(KafkaProperties properties, KafkaConnectionDetails connection, String instanceId) {
		this.properties = properties;
		this.connection = connection;
		this.instanceId = instanceId;
	}

	/** The base configuration of a Kafka Streams application; the caller adds the pipeline's. */
	Map<String, Object> streams() {
		return withServers(properties.buildStreamsProperties(), connection.getStreams().getBootstrapServers());
	}

	Admin admin(String purpose) {
		Map<String, Object> config = withServers(properties.buildAdminProperties(),
				connection.getAdmin().getBootstrapServers());
		config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "sp-engine-" + purpose + "-" + instanceId);
		return Admin.create(config);
	}

	/** A consumer outside any group: it is assigned partitions and never commits offsets. */
	KafkaConsumer<String, String> groupLessConsumer(String purpose) {
		Map<String, Object> config = withServers(properties.buildConsumerProperties(),
				connection.getConsumer().getBootstrapServers());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "sp-engine-" + purpose + "-" + instanceId);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
	}

	/** A plain, non-transactional producer that blocks at most {@code maxBlockMs} on metadata. */
	KafkaProducer<String, String> producer(String purpose, long maxBlockMs) {
		Map<String, Object> config = withServers(properties.buildProducerProperties(),
				connection.getProducer().getBootstrapServers());
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "sp-engine-" + purpose + "-" + instanceId);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	private static Map<String, Object> withServers(Map<String, Object> config, List<String> servers) {
		Map<String, Object> copy = new HashMap<>(config);
		copy.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", servers));
		return copy;
	}

}
