package io.streamplane.protocol;

/**
 * One engine instance's view of the capture of a PostgreSQL table that a pipeline reads, part of its
 * {@link EngineStatus}. Only the instance that captures (the leader) knows the slot's lag.
 *
 * @param state {@code STANDBY} (another instance captures, or none yet), {@code STARTING}
 * (creating the slot, snapshotting), {@code CAPTURING} or {@code FAILED}
 * @param slotLagBytes WAL bytes the table's replication slot retains and has not confirmed, or
 * {@code null} when this instance does not capture
 * @param error the last failure's message when {@code FAILED}, else {@code null}; never contains secrets
 */
public record CdcTableReport(String state, Long slotLagBytes, String error) {

	/** The state of an instance that does not capture the table. */
	public static final String STANDBY = "STANDBY";

}
