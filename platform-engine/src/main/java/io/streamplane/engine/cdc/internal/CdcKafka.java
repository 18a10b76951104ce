package io.streamplane.engine.cdc.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import io.streamplane.protocol.TopicsNotWritableException;
import io.streamplane.protocol.WritableTopics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.ssl.SslBundle;

/**
 * The Kafka clients of CDC, configured like the rest of the application ({@code spring.kafka.*}):
 * an idempotent {@code acks=all} producer of change records, the leader election's group member,
 * an admin, and the client settings of Debezium's offset store.
 *
 * @param base the common client configuration (bootstrap servers, security)
 * @param instanceId this engine instance, in client ids
 */
record CdcKafka(Map<String, Object> base, String instanceId) {

	private static final Duration WRITABLE_TIMEOUT = Duration.ofSeconds(30);

	private static final List<String> SHARED_PREFIXES = List.of("bootstrap.servers", "security.", "ssl.", "sasl.");

	KafkaProducer<String, String> changeProducer() {
		Map<String, Object> config = config("changes");
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	KafkaProducer<byte[], byte[]> bytesProducer(String purpose) {
		Map<String, Object> config = config(purpose);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
	}

	Consumer<byte[], byte[]> groupMember(String groupId, long sessionTimeoutMs) {
		Map<String, Object> config = config("leader");
		config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeoutMs);
		config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, sessionTimeoutMs / 4));
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	Consumer<byte[], byte[]> groupLessConsumer(String purpose) {
		Map<String, Object> config = config(purpose);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	/**
	 * The settings Debezium's Kafka offset store connects with: Debezium takes them as text.
	 * @throws CdcException when the connection uses an SSL bundle, which text cannot carry
	 */
	Map<String, String> offsetStoreSettings() {
		if (base.containsKey(SslBundle.class.getName())) {
			throw new CdcException("CDC cannot keep Debezium's offsets in Kafka over an SSL bundle (spring.kafka.ssl.bundle "
					+ "or the Kafka connection details): Debezium takes its Kafka settings as text; configure TLS with "
					+ "spring.kafka.ssl.key-store-* and spring.kafka.ssl.trust-store-* instead", false);
		}
		Map<String, String> settings = new HashMap<>();
		base.forEach((key, value) -> {
			if (SHARED_PREFIXES.stream().anyMatch(key::startsWith) && value != null) {
				settings.put(key, value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
						: String.valueOf(value));
			}
		});
		return settings;
	}

	/**
	 * Creates the topic unless it exists, and waits until every partition accepts writes: the change producer
	 * writes right away, and an idempotent producer that meets a partition whose leader is not ready can drop a
	 * batch (KAFKA-15591, {@link WritableTopics}).
	 */
	void createTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
		Map<String, Object> config = config("admin");
		try (Admin admin = Admin.create(config)) {
			create(admin, new NewTopic(name, Optional.of(partitions),
					Optional.of((short) replicationFactor).filter(rf -> rf > 0))
				.configs(configs));
			WritableTopics.await(admin, List.of(name), WRITABLE_TIMEOUT);
		}
		catch (TopicsNotWritableException ex) {
			throw new CdcException("topic " + name + " is " + ex.getMessage(), ex, true);
		}
	}

	private static void create(Admin admin, NewTopic topic) {
		try {
			admin.createTopics(List.of(topic)).all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new CdcException("cannot create topic " + topic.name() + ": " + ex.getCause().getMessage(), ex, true);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CdcException("interrupted while creating topic " + topic.name(), ex, true);
		}
	}

	private Map<String, Object> config(String purpose) {
		Map<String, Object> config = new HashMap<>(base);
		config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "sp-cdc-" + purpose + "-" + instanceId);
		return config;
	}

}
