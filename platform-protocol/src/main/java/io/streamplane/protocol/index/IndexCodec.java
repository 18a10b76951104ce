package io.streamplane.protocol.index;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka record form of an {@link IndexChange} on an index topic ({@code sp.index.<pipeline>.<index>},
 * compacted, so the latest change per row survives and a new indexer can rebuild from the beginning):
 * <ul>
 * <li>key: the primary key as a UTF-8 JSON object of scalar values, e.g. <code>{"doc_id":1}</code>, fields in
 * the table's key order (so equal keys have equal bytes and land in one partition);</li>
 * <li>value of an upsert: UTF-8 JSON <code>{"text":"...","metadata":{"category":"streaming"}}</code>;</li>
 * <li>a delete: a tombstone (no value);</li>
 * <li>the record timestamp: when the change happened at its source (for PostgreSQL CDC the commit time), from
 * which the indexer measures freshness.</li>
 * </ul>
 */
public final class IndexCodec {

	private static final JsonMapper MAPPER = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();

	private IndexCodec() {
	}

	/** The record key of a change: its primary key as a JSON object. */
	public static byte[] key(IndexChange change) {
		return MAPPER.writeValueAsBytes(change.key());
	}

	/** The record value of a change: the upsert's JSON, or {@code null} (a tombstone) for a delete. */
	public static byte[] value(IndexChange change) {
		return switch (change) {
			case IndexChange.Upsert upsert -> MAPPER.writeValueAsBytes(new UpsertValue(upsert.text(), upsert.metadata()));
			case IndexChange.Delete delete -> null;
		};
	}

	/**
	 * Reads a change from a record's key and value.
	 *
	 * @param key the record key (required)
	 * @param value the record value; {@code null} for a delete
	 * @throws IndexFormatException (permanent) if the key or value breaks the contract
	 */
	public static IndexChange read(byte[] key, byte[] value) {
		Map<String, Object> primaryKey = readKey(key);
		if (value == null) {
			return new IndexChange.Delete(primaryKey);
		}
		try {
			UpsertValue upsert = MAPPER.readValue(value, UpsertValue.class);
			if (upsert.text() == null) {
				throw IndexFormatException.invalid("index record of " + new String(key, StandardCharsets.UTF_8)
						+ " has no \"text\"");
			}
			return new IndexChange.Upsert(primaryKey, upsert.text(), upsert.metadata());
		}
		catch (JacksonException e) {
			throw IndexFormatException.invalid("not a valid index record value: " + e.getOriginalMessage());
		}
	}

	private static Map<String, Object> readKey(byte[] key) {
		if (key == null) {
			throw IndexFormatException.invalid("an index record needs a key (the row's primary key as a JSON object)");
		}
		JsonNode node;
		try {
			node = MAPPER.readTree(key);
		}
		catch (JacksonException e) {
			throw IndexFormatException.invalid("index record key is not JSON: " + e.getOriginalMessage());
		}
		if (node == null || !node.isObject() || node.isEmpty()) {
			throw IndexFormatException.invalid("index record key must be a non-empty JSON object, got "
					+ new String(key, StandardCharsets.UTF_8));
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			JsonNode value = field.getValue();
			if (!value.isValueNode() || value.isNull()) {
				throw IndexFormatException.invalid("index record key field '" + field.getKey()
						+ "' must be a string, number or boolean, got " + value);
			}
			fields.put(field.getKey(), MAPPER.treeToValue(value, Object.class));
		}
		return fields;
	}

	private record UpsertValue(String text, Map<String, Object> metadata) {
	}

}
