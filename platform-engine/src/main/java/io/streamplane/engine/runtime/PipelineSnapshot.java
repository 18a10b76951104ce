package io.streamplane.engine.runtime;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.streamplane.protocol.IndexReport;

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
 * @param featureViews per feature view, the event time of the newest event written to its tiles, or
 * {@code null} before the first
 * @param indexes per vector index, this instance's writes to its topic
 */
public record PipelineSnapshot(String pipeline, int version, RunState state, long recordsIn, long recordsOut,
		long consumerLag, long lateRecords, long deadLetters, String lastError, Instant lastErrorAt,
		Map<String, Instant> featureViews, Map<String, IndexReport> indexes) {

	public PipelineSnapshot {
		featureViews = featureViews == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(featureViews));
		indexes = indexes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(indexes));
	}

	/** A snapshot of a pipeline without feature views. */
	public PipelineSnapshot(String pipeline, int version, RunState state, long recordsIn, long recordsOut,
			long consumerLag, long lateRecords, long deadLetters, String lastError, Instant lastErrorAt) {
		this(pipeline, version, state, recordsIn, recordsOut, consumerLag, lateRecords, deadLetters, lastError,
				lastErrorAt, Map.of(), Map.of());
	}

}
