package io.streamplane.engine.preview;

import tools.jackson.databind.JsonNode;

/**
 * One record a pipeline wrote to an output topic.
 *
 * @param key the record key, {@code null} if none; window results are keyed by the group key
 * @param value the JSON value
 * @param timestamp the record's timestamp as an ISO-8601 instant (e.g. {@code 2026-01-01T12:00:00Z}):
 * its event time after the pipeline, what {@code meta.timestamp} reads; {@code null} if unknown
 */
public record PreviewOutput(String key, JsonNode value, String timestamp) {

	/** An output without a known timestamp. */
	public PreviewOutput(String key, JsonNode value) {
		this(key, value, null);
	}

}
