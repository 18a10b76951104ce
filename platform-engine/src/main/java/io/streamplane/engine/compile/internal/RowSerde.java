package io.streamplane.engine.compile.internal;

import java.util.Base64;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serializes rows on repartition topics as JSON: {@code {"f": fields, "k": key, "v": value,
 * "m": true}}, the origin bytes in Base64 so that a record failing after a repartition is still
 * dead-lettered as it was read. Failed rows are routed to the dead-letter topic before any
 * repartition and never serialized.
 */
public final class RowSerde implements Serde<Row> {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public Serializer<Row> serializer() {
		return (topic, row) -> row == null ? null : JSON.writeValueAsBytes(toJson(row));
	}

	@Override
	public Deserializer<Row> deserializer() {
		return (topic, bytes) -> bytes == null ? null : fromJson(JSON.readTree(bytes));
	}

	private static JsonNode toJson(Row row) {
		ObjectNode node = JSON.createObjectNode();
		node.set("f", JsonValues.toJson(row.fields()));
		if (row.origin().key() != null) {
			node.put("k", Base64.getEncoder().encodeToString(row.origin().key()));
		}
		if (row.origin().value() != null) {
			node.put("v", Base64.getEncoder().encodeToString(row.origin().value()));
		}
		if (row.marker()) {
			node.put("m", true);
		}
		return node;
	}

	@SuppressWarnings("unchecked")
	private static Row fromJson(JsonNode node) {
		Map<String, Object> fields = (Map<String, Object>) JsonValues.fromJson(node.get("f"));
		Origin origin = new Origin(bytes(node.get("k")), bytes(node.get("v")));
		return new Row(fields, origin, null, node.path("m").asBoolean(false));
	}

	private static byte[] bytes(JsonNode node) {
		return node == null || node.isNull() ? null : Base64.getDecoder().decode(node.asString());
	}

}
