package io.streamplane.engine.cdc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.streamplane.engine.cdc.CdcTable;
import io.streamplane.kernel.FailureKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares PostgreSQL for capturing a table and cleans up after it: REPLICA IDENTITY FULL, the
 * heartbeat table, the publication ({@code CREATE PUBLICATION <slot> FOR TABLE ...}) and, on
 * release, the replication slot. Identifiers are validated by {@link CdcTable}.
 */
final class SlotAdmin {

	private static final Logger logger = LoggerFactory.getLogger(SlotAdmin.class);

	private final Database database;

	private final Optional<CdcTable> heartbeatTable;

	SlotAdmin(Database database, Optional<CdcTable> heartbeatTable) {
		this.database = database;
		this.heartbeatTable = heartbeatTable;
	}

	/**
	 * Makes {@code table} capturable; returns whether the heartbeat table is usable.
	 * @throws CdcException when the table is missing or cannot be given REPLICA IDENTITY FULL; permanent when
	 * PostgreSQL rejects the credentials or a privilege is missing
	 */
	boolean prepare(CdcTable table) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			ensureReplicaIdentityFull(connection, table);
			boolean heartbeat = heartbeatTable.isPresent() && ensureHeartbeatTable(statement);
			String tables = quoted(table) + (heartbeat ? ", " + quoted(heartbeatTable.get()) : "");
			String publication = table.slotName();
			if (exists(connection, "SELECT 1 FROM pg_publication WHERE pubname = ?", publication)) {
				statement.execute("ALTER PUBLICATION " + publication + " SET TABLE " + tables);
			}
			else {
				statement.execute("CREATE PUBLICATION " + publication + " FOR TABLE " + tables);
			}
			return heartbeat;
		}
		catch (SQLException ex) {
			if (PostgresFailures.kindOf(ex) == FailureKind.PERMANENT) {
				throw new CdcException(PostgresFailures.describe(ex, database), ex, FailureKind.PERMANENT);
			}
			throw new CdcException("cannot prepare " + table + " for CDC on " + database + ": " + ex.getMessage()
					+ "; the user needs SELECT on the table, CREATE on the database (publications) and ownership of "
					+ "the table (REPLICA IDENTITY)", ex, true);
		}
	}

	/** Drops the table's replication slot (waiting for it to be released) and publication. */
	void release(CdcTable table, long waitMillis) {
		long deadline = System.currentTimeMillis() + waitMillis;
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			String slot = table.slotName();
			while (exists(connection, "SELECT 1 FROM pg_replication_slots WHERE slot_name = ?", slot)) {
				if (!exists(connection, "SELECT 1 FROM pg_replication_slots WHERE slot_name = ? AND active", slot)) {
					statement.execute("SELECT pg_drop_replication_slot('" + slot + "')");
				}
				else if (System.currentTimeMillis() > deadline) {
					throw new CdcException("replication slot " + slot + " is still in use; drop it with "
							+ "SELECT pg_drop_replication_slot('" + slot + "')", true);
				}
				else {
					Thread.sleep(100);
				}
			}
			statement.execute("DROP PUBLICATION IF EXISTS " + slot);
			if (heartbeatTable.isPresent()) {
				try (PreparedStatement delete = connection
					.prepareStatement("DELETE FROM " + quoted(heartbeatTable.get()) + " WHERE slot_name = ?")) {
					delete.setString(1, slot);
					delete.executeUpdate();
				}
				catch (SQLException ex) {
					logger.debug("No heartbeat row removed for {}: {}", slot, ex.getMessage());
				}
			}
			logger.info("Dropped replication slot and publication {} of {}", slot, table);
		}
		catch (SQLException ex) {
			throw new CdcException("cannot drop the slot of " + table + ": " + ex.getMessage(), ex, true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CdcException("interrupted while dropping the slot of " + table, ex, true);
		}
	}

	/** WAL bytes each Streamplane slot retains beyond its confirmed position, by slot name. */
	Map<String, Long> lag() throws SQLException {
		Map<String, Long> lag = new HashMap<>();
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT slot_name, "
						+ "pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint FROM pg_replication_slots "
						+ "WHERE slot_name LIKE 'sp\\_cdc\\_%' AND confirmed_flush_lsn IS NOT NULL")) {
			while (rows.next()) {
				lag.put(rows.getString(1), rows.getLong(2));
			}
		}
		return lag;
	}

	/** The heartbeat statement for {@code table}'s slot. */
	String heartbeatQuery(CdcTable table) {
		return "INSERT INTO " + quoted(heartbeatTable.orElseThrow()) + " (slot_name, beat_at) VALUES ('"
				+ table.slotName() + "', now()) ON CONFLICT (slot_name) DO UPDATE SET beat_at = now()";
	}

	private void ensureReplicaIdentityFull(Connection connection, CdcTable table) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT c.relreplident FROM pg_class c "
				+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? "
				+ "AND c.relkind IN ('r', 'p')")) {
			query.setString(1, table.schema());
			query.setString(2, table.table());
			try (ResultSet rows = query.executeQuery()) {
				if (!rows.next()) {
					throw new CdcException("table " + table + " does not exist in " + database, true);
				}
				if ("f".equals(rows.getString(1))) {
					return;
				}
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE " + quoted(table) + " REPLICA IDENTITY FULL");
			logger.info("Set REPLICA IDENTITY FULL on {}", table);
		}
		catch (SQLException ex) {
			throw new CdcException("cannot set REPLICA IDENTITY FULL on " + table + " (" + ex.getMessage()
					+ "); run ALTER TABLE " + quoted(table) + " REPLICA IDENTITY FULL as the table's owner", ex, false);
		}
	}

	private boolean ensureHeartbeatTable(Statement statement) {
		try {
			statement.execute("CREATE TABLE IF NOT EXISTS " + quoted(heartbeatTable.orElseThrow())
					+ " (slot_name text PRIMARY KEY, beat_at timestamptz NOT NULL)");
			return true;
		}
		catch (SQLException ex) {
			logger.warn("No heartbeat table {} ({}); idle captured tables may retain WAL written for other tables",
					heartbeatTable.orElseThrow(), ex.getMessage());
			return false;
		}
	}

	private static boolean exists(Connection connection, String sql, String parameter) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, parameter);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

	private static String quoted(CdcTable table) {
		return "\"" + table.schema() + "\".\"" + table.table() + "\"";
	}

}
