package io.streamplane.features.ingest;

import java.util.Map;
import java.util.function.Supplier;

import io.streamplane.protocol.KafkaClientConfigs;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Creates the tile consumer from Spring Boot's {@code spring.kafka.*} and connection details
 * ({@link KafkaClientConfigs}): outside any group, never committing, reading only committed transactions
 * because the engine writes tiles with exactly-once, and starting over from the earliest tile when a
 * stored offset is out of range (e.g. the topic was recreated).
 */
public final class TileConsumers implements Supplier<Consumer<String, byte[]>> {

	private final KafkaProperties properties;

	private final KafkaConnectionDetails connection;

	/**
	 * @param properties {@code spring.kafka.*}
	 * @param connection where the broker is
	 */
	public TileConsumers(KafkaProperties properties, KafkaConnectionDetails connection) {
		this.properties = properties;
		this.connection = connection;
	}

	@Override
	public Consumer<String, byte[]> get() {
		return new KafkaConsumer<>(config("sp-feature-ingest"), new StringDeserializer(), new ByteArrayDeserializer());
	}

	/** Consumers of {@code sp.pipelines} for {@link PipelineViewsReader}, configured the same way. */
	public Supplier<Consumer<String, String>> forPipelines() {
		return () -> new KafkaConsumer<>(config("sp-feature-views"), new StringDeserializer(), new StringDeserializer());
	}

	private Map<String, Object> config(String clientId) {
		Map<String, Object> config = new KafkaClientConfigs(properties, connection).consumer();
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return config;
	}

}
