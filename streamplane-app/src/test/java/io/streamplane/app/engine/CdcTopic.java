package io.streamplane.app.engine;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.app.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a CDC topic (partition 0) of the shared broker or another one, and connects to the shared PostgreSQL. */
final class CdcTopic implements AutoCloseable {

	/** The schema of the tables of CDC tests. */
	static final String SCHEMA = "cdc_it";

	private final KafkaConsumer<String, String> consumer;

	private final Map<String, String> table = new HashMap<>();

	CdcTopic(String topic) {
		this(TestInfrastructure.bootstrapServers(), topic);
	}

	CdcTopic(String bootstrapServers, String topic) {
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new StringDeserializer(), new StringDeserializer());
		consumer.assign(List.of(new TopicPartition(topic, 0)));
		consumer.seekToBeginning(consumer.assignment());
	}

	/** The records that arrived within {@code wait}, folded into {@link #table()} too. */
	List<ConsumerRecord<String, String>> poll(Duration wait) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		consumer.poll(wait).forEach(record -> {
			records.add(record);
			if (record.value() == null) {
				table.remove(record.key());
			}
			else {
				table.put(record.key(), record.value());
			}
		});
		return records;
	}

	/** The latest value per key read so far (a tombstone removes the key). */
	Map<String, String> table() {
		return table;
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/**
	 * A connection to the shared PostgreSQL whose unqualified tables are in the schema
	 * {@value #SCHEMA}: tables of tests stay out of {@code public}, which the control plane's
	 * migrations expect to find empty on their first run.
	 */
	static Connection database() throws SQLException {
		Map<String, Object> properties = TestInfrastructure.connectionProperties();
		Connection connection = DriverManager.getConnection((String) properties.get("spring.datasource.url"),
				(String) properties.get("spring.datasource.username"),
				(String) properties.get("spring.datasource.password"));
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
			statement.execute("SET search_path TO " + SCHEMA);
		}
		return connection;
	}

	@Override
	public void close() {
		consumer.close();
	}

}
