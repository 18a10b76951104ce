package io.streamplane.engine.preview;

import tools.jackson.databind.JsonNode;

/**
 * One input record of a preview, in arrival order: a record of a topic, or a change of a table.
 *
 * @param topic a topic one of the pipeline's sources or tables reads, or {@code null} for a table
 * change
 * @param key the record key, or {@code null}; for a table change, the row's primary key: its value
 * for a single-column key (a string as is, another value as JSON text, e.g. {@code 101}), or a
 * JSON object of the primary-key fields
 * @param value the record value, written to the topic as JSON; {@code null} only for a table
 * change that deletes the row
 * @param timestampMs the Kafka record timestamp in epoch milliseconds, or {@code null} for 0; only
 * matters for sources whose event time is the record timestamp
 * @param table the table the change is for, or {@code null} for a record of a topic
 */
public record PreviewInput(String topic, String key, JsonNode value, Long timestampMs, String table) {

	public PreviewInput {
		if ((topic == null) == (table == null)) {
			throw new IllegalArgumentException("a preview input names either a topic or a table");
		}
	}

	/** A record of a topic. */
	public PreviewInput(String topic, String key, JsonNode value, Long timestampMs) {
		this(topic, key, value, timestampMs, null);
	}

	/** An input without a record timestamp. */
	public static PreviewInput of(String topic, String key, JsonNode value) {
		return new PreviewInput(topic, key, value, null);
	}

	/** A table change: the new row with primary key {@code key}, or its delete when {@code row} is {@code null}. */
	public static PreviewInput tableChange(String table, String key, JsonNode row) {
		return new PreviewInput(null, key, row, null, table);
	}

	/**
	 * The key of a table change as given in JSON: a string as is, any other value (a number, or an
	 * object of the primary-key fields) as its JSON text; {@code null} for none.
	 */
	public static String tableKey(JsonNode key) {
		if (key == null || key.isNull() || key.isMissingNode()) {
			return null;
		}
		return key.isString() ? key.asString() : key.toString();
	}

}
