package io.streamplane.engine.runtime;

import java.time.Instant;

/**
 * What one engine instance knows about one pipeline at one moment.
 *
 * @param pipeline the pipeline name
 * @param version the desired version
 * @param state the observed state
 * @param recordsIn records read since the pipeline started on this instance
 * @param recordsOut records written to outputs since then
 * @param consumerLag records not yet consumed on this instance's partitions
 * @param lateRecords records that arrived after their window closed, since start
 * @param deadLetters records sent to the dead-letter topic, since start
 * @param lastError the last error, or {@code null}
 * @param lastErrorAt when it happened, or {@code null}
 */
public record PipelineSnapshot(String pipeline, int version, RunState state, long recordsIn, long recordsOut,
		long consumerLag, long lateRecords, long deadLetters, String lastError, Instant lastErrorAt) {
}
