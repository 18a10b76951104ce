package io.streamplane.engine.preview;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Compares JSON as the conformance README asks: objects unordered, numbers by value (100 == 100.0). */
final class JsonComparison {

	private JsonComparison() {
	}

	/** A value whose {@code equals} follows the README's rules. */
	static Object normalize(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isObject()) {
			Map<String, Object> map = new HashMap<>();
			node.properties().forEach(entry -> map.put(entry.getKey(), normalize(entry.getValue())));
			return map;
		}
		if (node.isArray()) {
			return node.valueStream().map(JsonComparison::normalize).toList();
		}
		if (node.isNumber()) {
			return new BigDecimal(node.asString()).stripTrailingZeros();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return node.asString();
	}

	/** Whether an expected entry is a whole record, {@code {"key": ..., "value": ...}}. */
	static boolean isKeyedRecord(JsonNode node) {
		return node.size() == 2 && node.has("key") && node.has("value");
	}

	/** A record as a comparable {@code {"key": ..., "value": ...}} value. */
	static Object keyed(String key, JsonNode value) {
		Map<String, Object> record = new HashMap<>();
		record.put("key", key);
		record.put("value", normalize(value));
		return record;
	}

}
