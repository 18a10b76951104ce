package io.streamplane.protocol;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One engine instance's report on one pipeline, sent to {@link Topics#STATUS} every few seconds.
 *
 * @param pipeline the pipeline name
 * @param version the pipeline version this instance runs
 * @param instanceId the reporting engine instance
 * @param state the observed state, e.g. {@code RUNNING}, {@code REBALANCING}, {@code PAUSED},
 * {@code FAILED}
 * @param recordsInPerSecond records consumed per second, over the last report interval
 * @param recordsOutPerSecond records produced per second, over the last report interval
 * @param consumerLag records not yet consumed, summed over this instance's partitions
 * @param lateRecords records that arrived after their window's lateness, since start
 * @param deadLetters records sent to the dead-letter topic, since start
 * @param lastError the last error message, or {@code null}; never contains secrets
 * @param lastErrorAt when the last error happened, or {@code null}
 * @param reportedAt when this report was made
 * @param featureViews per feature view of the pipeline, the event time of the newest event this instance
 * wrote to the view's tiles since it started the pipeline, or {@code null} before the first; empty for a
 * pipeline without views (and in reports of engines that predate views)
 * @param cdcTables per PostgreSQL table the pipeline captures ({@code schema.table}), this instance's view
 * of its capture; empty for a pipeline without CDC tables
 */
public record EngineStatus(String pipeline, int version, String instanceId, String state, double recordsInPerSecond,
		double recordsOutPerSecond, long consumerLag, long lateRecords, long deadLetters, String lastError,
		Instant lastErrorAt, Instant reportedAt, Map<String, Instant> featureViews,
		Map<String, CdcTableReport> cdcTables) {

	public EngineStatus {
		featureViews = featureViews == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(featureViews));
		cdcTables = cdcTables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(cdcTables));
	}

	/** A report on a pipeline without CDC tables. */
	public EngineStatus(String pipeline, int version, String instanceId, String state, double recordsInPerSecond,
			double recordsOutPerSecond, long consumerLag, long lateRecords, long deadLetters, String lastError,
			Instant lastErrorAt, Instant reportedAt, Map<String, Instant> featureViews) {
		this(pipeline, version, instanceId, state, recordsInPerSecond, recordsOutPerSecond, consumerLag, lateRecords,
				deadLetters, lastError, lastErrorAt, reportedAt, featureViews, Map.of());
	}

	/** A report on a pipeline without feature views. */
	public EngineStatus(String pipeline, int version, String instanceId, String state, double recordsInPerSecond,
			double recordsOutPerSecond, long consumerLag, long lateRecords, long deadLetters, String lastError,
			Instant lastErrorAt, Instant reportedAt) {
		this(pipeline, version, instanceId, state, recordsInPerSecond, recordsOutPerSecond, consumerLag, lateRecords,
				deadLetters, lastError, lastErrorAt, reportedAt, Map.of(), Map.of());
	}

}
