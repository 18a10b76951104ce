package io.streamplane.engine.cdc;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The state of one demanded table on this engine instance.
 *
 * @param table the table
 * @param state what the capture is doing
 * @param slotLagBytes WAL bytes retained by the table's slot and not yet confirmed
 * ({@code pg_current_wal_lsn() - confirmed_flush_lsn}); known on the leader only
 * @param changes change events written to the topic by this instance since it started
 * @param error the last failure's message, when the state is {@link State#FAILED}
 * @param permanent whether that failure is permanent (PostgreSQL rejected the credentials, a privilege is
 * missing): the capture is not started again until the demanded tables change or the engine restarts
 */
public record CdcTableStatus(CdcTable table, State state, OptionalLong slotLagBytes, long changes,
		Optional<String> error, boolean permanent) {

	/** What the capture of one table is doing. */
	public enum State {

		/** Another instance captures (or none yet: this instance waits for leadership). */
		STANDBY,

		/** Starting: creating the publication and slot, or snapshotting. */
		STARTING,

		/** Streaming changes. */
		CAPTURING,

		/** Failed; restarted after a back-off unless the failure is {@link CdcTableStatus#permanent() permanent}. */
		FAILED

	}

}
