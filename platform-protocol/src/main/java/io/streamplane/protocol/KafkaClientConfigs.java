package io.streamplane.protocol;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SslConfigs;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails.Configuration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;

/**
 * The Kafka client configurations the roles start from: Spring Boot's {@code spring.kafka.*} client
 * properties with the application's {@link KafkaConnectionDetails} applied on top (bootstrap servers,
 * security protocol, SSL bundle), the way Spring Boot's own Kafka auto-configuration applies them. The
 * connection details come from {@code spring.kafka.*}, or from whatever replaces them: a
 * {@code @ServiceConnection} container, Docker Compose, any {@link KafkaConnectionDetails} bean. So
 * every client of every role connects where the rest of the application does. Each call returns a
 * new mutable map.
 */
public final class KafkaClientConfigs {

	private final KafkaProperties properties;

	private final KafkaConnectionDetails connection;

	/**
	 * @param properties {@code spring.kafka.*}
	 * @param connection where the brokers are and how to reach them
	 */
	public KafkaClientConfigs(KafkaProperties properties, KafkaConnectionDetails connection) {
		this.properties = properties;
		this.connection = connection;
	}

	/** {@code spring.kafka.consumer.*} and the consumer connection. */
	public Map<String, Object> consumer() {
		return withConnection(properties.buildConsumerProperties(), connection.getConsumer());
	}

	/** {@code spring.kafka.producer.*} and the producer connection. */
	public Map<String, Object> producer() {
		return withConnection(properties.buildProducerProperties(), connection.getProducer());
	}

	/** {@code spring.kafka.admin.*} and the admin connection. */
	public Map<String, Object> admin() {
		return withConnection(properties.buildAdminProperties(), connection.getAdmin());
	}

	/** {@code spring.kafka.streams.*} and the Kafka Streams connection. */
	public Map<String, Object> streams() {
		return withConnection(properties.buildStreamsProperties(), connection.getStreams());
	}

	private static Map<String, Object> withConnection(Map<String, Object> base, Configuration connection) {
		Map<String, Object> config = new HashMap<>(base);
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", connection.getBootstrapServers()));
		String securityProtocol = connection.getSecurityProtocol();
		if (securityProtocol != null && !securityProtocol.isEmpty()) {
			config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
		}
		SslBundle sslBundle = connection.getSslBundle();
		if (sslBundle != null) {
			config.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
			config.put(SslBundle.class.getName(), sslBundle);
		}
		return config;
	}

}
