package io.streamplane.api.status;

import java.time.Instant;
import java.util.Map;

import io.streamplane.protocol.CdcTableReport;
import io.streamplane.protocol.EngineStatus;
import io.streamplane.protocol.IndexReport;

/**
 * What one engine instance last reported about one pipeline.
 *
 * @param instanceId the engine instance
 * @param version the pipeline version it runs
 * @param state its state; {@code STALE} when it has not reported within
 * {@code streamplane.control-plane.status-stale-after}
 * @param recordsInPerSecond records consumed per second
 * @param recordsOutPerSecond records produced per second
 * @param consumerLag records not yet consumed on its partitions
 * @param lateRecords records beyond lateness, since the instance started the pipeline
 * @param deadLetters records dead-lettered, since the instance started the pipeline
 * @param lastError the last error, or {@code null}
 * @param lastErrorAt when it happened, or {@code null}
 * @param reportedAt when the instance reported
 * @param featureViews per feature view, the event time of the newest event the instance wrote to its
 * tiles, or {@code null} before the first
 * @param cdcTables per PostgreSQL table the pipeline captures, the instance's view of its capture
 * @param indexes per vector index, the instance's writes to its topic since it started the pipeline
 */
public record InstanceStatus(String instanceId, int version, String state, double recordsInPerSecond,
		double recordsOutPerSecond, long consumerLag, long lateRecords, long deadLetters, String lastError,
		Instant lastErrorAt, Instant reportedAt, Map<String, Instant> featureViews,
		Map<String, CdcTableReport> cdcTables, Map<String, IndexReport> indexes) {

	/** The state shown for an instance whose last report is too old. */
	public static final String STALE = "STALE";

	static InstanceStatus of(EngineStatus report, boolean stale) {
		return new InstanceStatus(report.instanceId(), report.version(), stale ? STALE : report.state(),
				report.recordsInPerSecond(), report.recordsOutPerSecond(), report.consumerLag(), report.lateRecords(),
				report.deadLetters(), report.lastError(), report.lastErrorAt(), report.reportedAt(),
				report.featureViews(), report.cdcTables(), report.indexes());
	}

	boolean isStale() {
		return STALE.equals(state);
	}

}
