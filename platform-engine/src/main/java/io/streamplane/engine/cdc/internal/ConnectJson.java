package io.streamplane.engine.cdc.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import io.debezium.data.VariableScaleDecimal;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts Debezium's Kafka Connect values to plain JSON: numbers as numbers (decimals exactly),
 * text as strings, booleans, {@code date} as {@code 2026-01-31}, {@code time} as
 * {@code 10:15:30.123456}, {@code timestamp} and {@code timestamptz} as ISO-8601 instants in UTC
 * ({@code 2026-01-31T10:15:30.123456Z}), {@code bytea} as base64, arrays as arrays; {@code json},
 * {@code uuid} and other types as Debezium's string form. NaN and infinities become strings.
 */
final class ConnectJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private ConnectJson() {
	}

	/** The struct as a JSON object, field by field in schema order. */
	static ObjectNode object(Struct struct) {
		ObjectNode node = NODES.objectNode();
		for (Field field : struct.schema().fields()) {
			node.set(field.name(), value(field.schema(), struct.get(field)));
		}
		return node;
	}

	static JsonNode value(Schema schema, Object value) {
		if (value == null) {
			return NODES.nullNode();
		}
		if (schema.name() != null) {
			JsonNode logical = logical(schema.name(), value);
			if (logical != null) {
				return logical;
			}
		}
		return switch (schema.type()) {
			case INT8, INT16, INT32, INT64 -> NODES.numberNode(((Number) value).longValue());
			case FLOAT32, FLOAT64 -> floating(((Number) value).doubleValue());
			case BOOLEAN -> NODES.booleanNode((Boolean) value);
			case STRING -> NODES.stringNode((String) value);
			case BYTES -> NODES.stringNode(Base64.getEncoder().encodeToString(bytes(value)));
			case ARRAY -> array(schema.valueSchema(), (Collection<?>) value);
			case MAP -> map(schema.valueSchema(), (Map<?, ?>) value);
			case STRUCT -> object((Struct) value);
		};
	}

	private static JsonNode logical(String name, Object value) {
		return switch (name) {
			case Decimal.LOGICAL_NAME -> NODES.numberNode((BigDecimal) value);
			case VariableScaleDecimal.LOGICAL_NAME -> VariableScaleDecimal.toLogical((Struct) value)
				.getDecimalValue()
				.<JsonNode>map(NODES::numberNode)
				.orElseGet(() -> NODES.stringNode(VariableScaleDecimal.toLogical((Struct) value).toString()));
			case "io.debezium.time.Date", org.apache.kafka.connect.data.Date.LOGICAL_NAME -> NODES
				.stringNode(date(value).toString());
			case "io.debezium.time.Time" -> NODES.stringNode(LocalTime.ofNanoOfDay(micros(value, 1_000) * 1_000).toString());
			case "io.debezium.time.MicroTime" -> NODES.stringNode(LocalTime.ofNanoOfDay(micros(value, 1) * 1_000).toString());
			case "io.debezium.time.NanoTime" -> NODES.stringNode(LocalTime.ofNanoOfDay(((Number) value).longValue()).toString());
			case "io.debezium.time.Timestamp" -> NODES.stringNode(Instant.ofEpochMilli(((Number) value).longValue()).toString());
			case "io.debezium.time.MicroTimestamp" -> NODES.stringNode(microsInstant(((Number) value).longValue()).toString());
			case "io.debezium.time.NanoTimestamp" -> NODES.stringNode(nanosInstant(((Number) value).longValue()).toString());
			case org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME -> NODES
				.stringNode(((java.util.Date) value).toInstant().toString());
			case org.apache.kafka.connect.data.Time.LOGICAL_NAME -> NODES
				.stringNode(LocalTime.ofNanoOfDay(((java.util.Date) value).getTime() * 1_000_000).toString());
			default -> null;
		};
	}

	private static LocalDate date(Object value) {
		return value instanceof java.util.Date date ? LocalDate.ofEpochDay(Math.floorDiv(date.getTime(), 86_400_000L))
				: LocalDate.ofEpochDay(((Number) value).longValue());
	}

	private static long micros(Object value, long factor) {
		return ((Number) value).longValue() * factor;
	}

	private static Instant microsInstant(long micros) {
		return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
	}

	private static Instant nanosInstant(long nanos) {
		return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
	}

	private static JsonNode floating(double value) {
		return Double.isFinite(value) ? NODES.numberNode(value) : NODES.stringNode(Double.toString(value));
	}

	private static byte[] bytes(Object value) {
		if (value instanceof ByteBuffer buffer) {
			byte[] copy = new byte[buffer.remaining()];
			buffer.duplicate().get(copy);
			return copy;
		}
		return (byte[]) value;
	}

	private static ArrayNode array(Schema elements, Collection<?> values) {
		ArrayNode node = NODES.arrayNode();
		values.forEach(element -> node.add(value(elements, element)));
		return node;
	}

	private static ObjectNode map(Schema values, Map<?, ?> entries) {
		ObjectNode node = NODES.objectNode();
		entries.forEach((key, element) -> node.set(String.valueOf(key), value(values, element)));
		return node;
	}

}
