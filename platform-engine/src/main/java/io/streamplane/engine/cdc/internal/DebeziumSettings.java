package io.streamplane.engine.cdc.internal;

import java.util.Map;
import java.util.Properties;

import io.streamplane.engine.cdc.CdcProperties;
import io.streamplane.engine.cdc.CdcTable;

/**
 * The Debezium embedded engine configuration that captures one table: the Postgres connector with
 * {@code pgoutput}, the table's own slot and publication (created by {@link SlotAdmin}, never by
 * Debezium), an initial snapshot, offsets in a Kafka topic stored every
 * {@code offset-flush-interval} (only ever those of changes Kafka has acknowledged), and heartbeats.
 */
final class DebeziumSettings {

	private final CdcProperties properties;

	private final Database database;

	private final Map<String, String> kafka;

	private final int replicationFactor;

	/**
	 * @param kafka the Kafka client settings of the offset store ({@code bootstrap.servers},
	 * security)
	 */
	DebeziumSettings(CdcProperties properties, Database database, Map<String, String> kafka, int replicationFactor) {
		this.properties = properties;
		this.database = database;
		this.kafka = kafka;
		this.replicationFactor = replicationFactor;
	}

	/** The name of {@code table}'s engine: also the namespace of its offsets. */
	static String engineName(CdcTable table) {
		return "sp-cdc-" + table.qualifiedName();
	}

	/** The {@code server} of {@code table}'s offsets and Debezium's topic prefix. */
	static String serverName(CdcTable table) {
		return table.slotName();
	}

	Properties forTable(CdcTable table, String heartbeatQuery) {
		Properties config = new Properties();
		config.putAll(kafka);
		config.setProperty("name", engineName(table));
		config.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
		config.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
		config.setProperty("offset.storage.topic", properties.offsetsTopic());
		config.setProperty("offset.storage.partitions", "1");
		config.setProperty("offset.storage.replication.factor", Integer.toString(replicationFactor));
		config.setProperty("offset.flush.interval.ms", Long.toString(properties.offsetFlushInterval().toMillis()));
		config.setProperty("database.hostname", database.host());
		config.setProperty("database.port", Integer.toString(database.port()));
		config.setProperty("database.dbname", database.name());
		config.setProperty("database.user", database.username());
		config.setProperty("database.password", database.password());
		config.setProperty("topic.prefix", serverName(table));
		config.setProperty("plugin.name", "pgoutput");
		config.setProperty("slot.name", table.slotName());
		config.setProperty("publication.name", table.slotName());
		config.setProperty("publication.autocreate.mode", "disabled");
		config.setProperty("table.include.list", table.schema() + "\\." + table.table());
		config.setProperty("snapshot.mode", "initial");
		config.setProperty("tombstones.on.delete", "false");
		config.setProperty("decimal.handling.mode", "precise");
		config.setProperty("unavailable.value.placeholder", ChangeRecords.UNAVAILABLE);
		config.setProperty("poll.interval.ms", Long.toString(properties.pollInterval().toMillis()));
		config.setProperty("max.batch.size", Integer.toString(properties.maxBatchSize()));
		config.setProperty("max.queue.size", Integer.toString(Math.max(8192, properties.maxBatchSize() * 4)));
		config.setProperty("heartbeat.interval.ms", Long.toString(properties.heartbeatInterval().toMillis()));
		if (heartbeatQuery != null) {
			config.setProperty("heartbeat.action.query", heartbeatQuery);
		}
		config.setProperty("slot.drop.on.stop", "false");
		config.setProperty("errors.max.retries", "3");
		return config;
	}

}
