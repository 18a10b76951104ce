package io.streamplane.engine.cdc.internal;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.streamplane.engine.cdc.CdcProperties;
import io.streamplane.engine.cdc.CdcTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the capturing instance holds while it leads: the database administration, the Debezium
 * settings, and the periodic reading of the slots' lag into a shared map.
 */
final class Leadership implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Leadership.class);

	private final Database database;

	private final SlotAdmin admin;

	private final DebeziumSettings settings;

	private final Map<String, Long> lag;

	private final ScheduledFuture<?> lagReader;

	/**
	 * Takes the lead: connects nowhere yet, and reads the lag every {@code lagInterval} on
	 * {@code timer}.
	 */
	Leadership(CdcProperties properties, Database database, CdcKafka kafka, int replicationFactor,
			Map<String, Long> lag, ScheduledExecutorService timer) {
		Optional<CdcTable> heartbeatTable = Optional.of(properties.heartbeatTable())
			.filter(name -> !name.isBlank())
			.map(CdcTable::parse);
		this.database = database;
		this.admin = new SlotAdmin(database, heartbeatTable);
		this.settings = new DebeziumSettings(properties, database, kafka.offsetStoreSettings(), replicationFactor);
		this.lag = lag;
		this.lagReader = timer.scheduleWithFixedDelay(this::readLag, 0, properties.lagInterval().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	SlotAdmin admin() {
		return admin;
	}

	Database database() {
		return database;
	}

	/**
	 * Prepares the database for {@code table} and returns its Debezium configuration.
	 * @throws CdcException when the table cannot be captured
	 */
	Properties prepare(CdcTable table) {
		boolean heartbeat = admin.prepare(table);
		return settings.forTable(table, heartbeat ? admin.heartbeatQuery(table) : null);
	}

	private void readLag() {
		try {
			Map<String, Long> current = admin.lag();
			lag.keySet().retainAll(current.keySet());
			lag.putAll(current);
		}
		catch (SQLException ex) {
			logger.debug("Cannot read the slots' lag: {}", ex.getMessage());
		}
	}

	/** Stops reading the lag and forgets it. */
	@Override
	public void close() {
		lagReader.cancel(false);
		lag.clear();
	}

}
