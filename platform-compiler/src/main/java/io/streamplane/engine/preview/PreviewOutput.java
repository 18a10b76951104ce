package io.streamplane.engine.preview;

import tools.jackson.databind.JsonNode;

/**
 * One record a pipeline wrote to an output topic.
 *
 * @param key the record key, {@code null} if none; window results are keyed by the group key
 * @param value the JSON value
 */
public record PreviewOutput(String key, JsonNode value) {
}
