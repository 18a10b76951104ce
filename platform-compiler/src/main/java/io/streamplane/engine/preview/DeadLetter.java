package io.streamplane.engine.preview;

import tools.jackson.databind.JsonNode;

/**
 * One record a pipeline wrote to its dead-letter topic.
 *
 * @param key the record key as read, or {@code null}
 * @param value the record value as read: its JSON, or a JSON string holding the raw text when the
 * value is not JSON
 * @param step the spec path of the step that rejected it, e.g. {@code transforms.revenue_1m.steps[1]}
 * @param reason why, e.g. that it was late or which field was missing
 * @param late whether it arrived after its window closed
 */
public record DeadLetter(String key, JsonNode value, String step, String reason, boolean late) {
}
