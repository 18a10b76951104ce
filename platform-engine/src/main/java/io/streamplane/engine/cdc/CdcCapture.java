package io.streamplane.engine.cdc;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamplane.engine.cdc.internal.Database;
import io.streamplane.engine.cdc.internal.DefaultCdcCapture;

/**
 * Captures changes of PostgreSQL tables into Kafka topics, one topic per table
 * ({@link CdcTable#topic()}).
 * <p>
 * Every engine instance holds the same demand; exactly one of them, the leader, captures. The
 * leader creates each demanded table's publication and replication slot, snapshots the table once,
 * then streams its changes. When demand for a table ends, the leader stops its capture and drops
 * its slot and publication; when it is demanded again, it is snapshotted again.
 * <p>
 * Record format on the topic: key = JSON object of the primary-key columns; value = JSON object
 * of the row after the change, or {@code null} (a tombstone) for a delete. Headers:
 * {@code sp.cdc.op} ({@code r} snapshot read, {@code c} insert, {@code u} update, {@code d}
 * delete), {@code sp.cdc.lsn} (the change's WAL position, decimal) and {@code sp.cdc.commit-ms}
 * (commit time in PostgreSQL, epoch milliseconds; the snapshot time for reads).
 */
public interface CdcCapture {

	/**
	 * Replaces the set of tables to capture; the tables of {@code streamplane.engine.cdc.tables}
	 * are always added. Tables no longer in the set stop being captured and lose their slot; new
	 * ones are snapshotted, then streamed. Returns at once; the work runs in the background.
	 * <p>
	 * Call it with the complete set (every pipeline's tables, once all desired states are known):
	 * a table left out even briefly is released and snapshotted again when it comes back.
	 */
	void demand(Set<CdcTable> tables);

	/** The tables demanded now. */
	Set<CdcTable> demanded();

	/** Whether this instance is the one capturing. */
	boolean isLeader();

	/** The state of every demanded table, in table order. */
	List<CdcTableStatus> status();

	/**
	 * A capture outside an engine's application context (tools, benchmarks): it captures from the
	 * given database and is closed by its creator.
	 * @param kafka the common Kafka client configuration (bootstrap servers, security)
	 * @param instanceId this instance's id in the leader election
	 * @param replicationFactor of the topics created; {@code -1} for the broker default
	 */
	static Owned open(CdcProperties properties, String jdbcUrl, String username, String password,
			Map<String, Object> kafka, String instanceId, int replicationFactor, MeterRegistry registry) {
		Database database = new Database(jdbcUrl, username, password);
		return new DefaultCdcCapture(properties, () -> database, kafka, instanceId, replicationFactor, registry);
	}

	/** A capture its creator closes: closing stops capturing without releasing slots or publications. */
	interface Owned extends CdcCapture, AutoCloseable {

		@Override
		void close();

	}

}
