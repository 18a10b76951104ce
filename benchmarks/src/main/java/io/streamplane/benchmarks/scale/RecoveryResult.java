package io.streamplane.benchmarks.scale;

/**
 * Recovery of variant (a) at the largest size.
 *
 * @param users distinct users (active sessions in the state)
 * @param changelogBytes the changelogs' bytes on the broker: what restoring reads
 * @param restore the restart with an empty state directory: restore start, end and records
 * @param restartToRunningMillis from starting the new JVM to its application running
 * @param afterRestore the output through the restart, against the workload
 * @param afterRestoreLatency latencies of closing events sent after the restore, sorted
 * @param standbyCatchUpMillis from starting the second instance until its standbys were caught up; -1 if not
 * measured
 * @param resumeMillis from killing the active instance to the first result of a closing event sent after the kill;
 * -1 if none came or not measured
 * @param failover the output through the fail-over, against the workload; {@code null} if not measured
 * @param failoverTrace what held output back after the kill, {@link FailoverTrace#summary}; {@code null} if not measured
 */
record RecoveryResult(long users, long changelogBytes, WorkerProcess.Restore restore, long restartToRunningMillis,
		SessionVerifier.Exactness afterRestore, double[] afterRestoreLatency, long standbyCatchUpMillis, long resumeMillis,
		SessionVerifier.Exactness failover, String failoverTrace) {

	RecoveryResult withFailover(long standbyCatchUpMillis, long resumeMillis, SessionVerifier.Exactness failover,
			String failoverTrace) {
		return new RecoveryResult(users, changelogBytes, restore, restartToRunningMillis, afterRestore,
				afterRestoreLatency, standbyCatchUpMillis, resumeMillis, failover, failoverTrace);
	}

	/** Changelog megabytes (10^6 bytes) restored per second. */
	double restoreMegabytesPerSecond() {
		return changelogBytes / 1e6 / (restore.millis() / 1e3);
	}

}
