package io.streamplane.protocol;

import java.time.Instant;

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
 */
public record EngineStatus(String pipeline, int version, String instanceId, String state, double recordsInPerSecond,
		double recordsOutPerSecond, long consumerLag, long lateRecords, long deadLetters, String lastError,
		Instant lastErrorAt, Instant reportedAt) {
}
