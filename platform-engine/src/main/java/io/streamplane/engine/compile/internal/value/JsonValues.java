package io.streamplane.engine.compile.internal.value;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between JSON trees, the JSON-like Java values of a {@link Row} and CEL results. JSON
 * integers become {@code Long} (so {@code 2} stays {@code 2}, not {@code 2.0}), other numbers
 * {@code Double}; CEL timestamps become ISO-8601 UTC strings and durations CEL duration strings
 * such as {@code 300s}.
 */
public final class JsonValues {

	/** The mapper for record values read from and written to user topics. */
	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private JsonValues() {
	}

	/** The Java value of a JSON tree. */
	public static Object fromJson(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isObject()) {
			Map<String, Object> map = new LinkedHashMap<>();
			node.properties().forEach(entry -> map.put(entry.getKey(), fromJson(entry.getValue())));
			return map;
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>();
			node.values().forEach(element -> list.add(fromJson(element)));
			return list;
		}
		if (node.isIntegralNumber()) {
			return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return node.asString();
	}

	/** The JSON tree of a Java value produced by {@link #fromJson} or {@link #fromCel}. */
	public static JsonNode toJson(Object value) {
		return switch (value) {
			case null -> NODES.nullNode();
			case Map<?, ?> map -> {
				ObjectNode object = NODES.objectNode();
				map.forEach((key, element) -> object.set(String.valueOf(key), toJson(element)));
				yield object;
			}
			case List<?> list -> {
				ArrayNode array = NODES.arrayNode();
				list.forEach(element -> array.add(toJson(element)));
				yield array;
			}
			case Long number -> NODES.numberNode(number);
			case Double number -> NODES.numberNode(number);
			case Boolean bool -> NODES.booleanNode(bool);
			default -> NODES.stringNode(value.toString());
		};
	}

	/**
	 * The JSON text of a Java value produced by {@link #fromJson} or {@link #fromCel}, as UTF-8:
	 * the bytes {@link #toJson} would serialize to, written without building the tree.
	 */
	public static byte[] toJsonBytes(Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
		try (JsonGenerator generator = JSON.createGenerator(bytes)) {
			write(generator, value);
		}
		return bytes.toByteArray();
	}

	private static void write(JsonGenerator generator, Object value) {
		switch (value) {
			case null -> generator.writeNull();
			case Map<?, ?> map -> {
				generator.writeStartObject();
				map.forEach((key, element) -> {
					generator.writeName(String.valueOf(key));
					write(generator, element);
				});
				generator.writeEndObject();
			}
			case List<?> list -> {
				generator.writeStartArray();
				list.forEach(element -> write(generator, element));
				generator.writeEndArray();
			}
			case Long number -> generator.writeNumber(number);
			case Double number -> generator.writeNumber(number);
			case Boolean bool -> generator.writeBoolean(bool);
			default -> generator.writeString(value.toString());
		}
	}

	/** The Java value of a CEL result, as stored in a {@link Row}. */
	public static Object fromCel(Object value) {
		return switch (value) {
			case null -> null;
			case NullValue ignored -> null;
			case Long number -> number;
			case Double number -> number;
			case Integer number -> number.longValue();
			case Float number -> number.doubleValue();
			case UnsignedLong number -> number.longValue() >= 0 ? (Object) number.longValue() : (Object) number.doubleValue();
			case String text -> text;
			case Boolean bool -> bool;
			case Instant instant -> instant.toString();
			case Duration duration -> new BigDecimal(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9))
				.stripTrailingZeros().toPlainString() + "s";
			case CelByteString bytes -> Base64.getEncoder().encodeToString(bytes.toByteArray());
			case Map<?, ?> map -> {
				Map<String, Object> copy = new LinkedHashMap<>();
				map.forEach((key, element) -> copy.put(String.valueOf(fromCel(key)), fromCel(element)));
				yield copy;
			}
			case List<?> list -> list.stream().map(JsonValues::fromCel).toList();
			default -> value.toString();
		};
	}

	/** A short description of a value's JSON type, for messages. */
	public static String describe(Object value) {
		return switch (value) {
			case null -> "null";
			case Long ignored -> "an integer";
			case Double ignored -> "a decimal number";
			case String ignored -> "a string";
			case Boolean ignored -> "a boolean";
			case List<?> ignored -> "a list";
			case Map<?, ?> ignored -> "an object";
			default -> value.getClass().getSimpleName();
		};
	}

}
