package io.streamplane.rag.ingest;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import io.streamplane.protocol.KafkaClientConfigs;

/**
 * Creates the indexer's consumers from {@code spring.kafka.*} and the connection details: outside any group (the
 * offsets live in each index's Lucene commit), never committing, reading only committed transactions (the engine
 * writes index topics exactly-once), at most {@code batchSize} records a poll.
 */
public final class IndexConsumers {

	private final KafkaProperties properties;

	private final KafkaConnectionDetails connection;

	private final int batchSize;

	/**
	 * @param properties {@code spring.kafka.*}
	 * @param connection where the broker is
	 * @param batchSize most records one poll returns
	 */
	public IndexConsumers(KafkaProperties properties, KafkaConnectionDetails connection, int batchSize) {
		this.properties = properties;
		this.connection = connection;
		this.batchSize = batchSize;
	}

	/** A consumer of one index topic. */
	public Consumer<byte[], byte[]> forIndex(String index) {
		return new KafkaConsumer<>(config("sp-rag-indexer-" + index), new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
	}

	/** Consumers of {@code sp.pipelines} for {@link PipelineIndexesReader}. */
	public Supplier<Consumer<String, String>> forPipelines() {
		return () -> new KafkaConsumer<>(config("sp-rag-indexer-pipelines"), new StringDeserializer(),
				new StringDeserializer());
	}

	private Map<String, Object> config(String clientId) {
		Map<String, Object> config = new KafkaClientConfigs(properties, connection).consumer();
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
		return config;
	}

}
