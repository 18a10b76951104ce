package io.streamplane.engine.compile.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serializes window states for the window store, its changelog and the final-results buffer, as
 * JSON: {@code {"k": key, "a": [one entry per aggregation]}}.
 */
public final class WindowStateSerde implements Serde<WindowState> {

	private final List<Aggregation> aggregations;

	/** A serde for the states of a window with these aggregations. */
	public WindowStateSerde(List<Aggregation> aggregations) {
		this.aggregations = List.copyOf(aggregations);
	}

	@Override
	public Serializer<WindowState> serializer() {
		return (topic, state) -> state == null ? null : RowSerde.JSON.writeValueAsBytes(toJson(state));
	}

	@Override
	public Deserializer<WindowState> deserializer() {
		return (topic, bytes) -> bytes == null ? null : fromJson(RowSerde.JSON.readTree(bytes));
	}

	private static JsonNode toJson(WindowState state) {
		ObjectNode node = RowSerde.JSON.createObjectNode();
		node.set("k", JsonValues.toJson(state.key()));
		ArrayNode accumulators = node.putArray("a");
		state.accumulators().forEach(accumulator -> accumulators.add(JsonValues.toJson(encode(accumulator))));
		return node;
	}

	private static Object encode(Accumulator accumulator) {
		return switch (accumulator) {
			case Accumulator.Count(long count) -> count;
			case Accumulator.Sum(Object total) -> total;
			case Accumulator.Extreme(boolean max, Object value) -> value;
			case Accumulator.Avg(double total, long count) -> List.of(total, count);
			case Accumulator.Positional(boolean last, boolean present, long time, Object value) ->
				present ? timed(time, value) : null;
			case Accumulator.Collect(List<Accumulator.Timed> items) ->
				items.stream().map(item -> timed(item.time(), item.value())).toList();
			case Accumulator.Distinct(var values) -> new ArrayList<>(values);
		};
	}

	private static List<Object> timed(long time, Object value) {
		List<Object> pair = new ArrayList<>();
		pair.add(time);
		pair.add(value);
		return pair;
	}

	private WindowState fromJson(JsonNode node) {
		List<Accumulator> accumulators = new ArrayList<>();
		for (int i = 0; i < aggregations.size(); i++) {
			accumulators.add(decode(aggregations.get(i).function(), node.get("a").get(i)));
		}
		return new WindowState(JsonValues.fromJson(node.get("k")), accumulators);
	}

	private static Accumulator decode(AggregateFunction function, JsonNode node) {
		Object value = JsonValues.fromJson(node);
		return switch (function) {
			case COUNT -> new Accumulator.Count(node.longValue());
			case SUM -> new Accumulator.Sum(value);
			case MIN -> new Accumulator.Extreme(false, value);
			case MAX -> new Accumulator.Extreme(true, value);
			case AVG -> new Accumulator.Avg(node.get(0).doubleValue(), node.get(1).longValue());
			case FIRST, LAST -> node.isNull() ? Accumulator.empty(function)
					: new Accumulator.Positional(function == AggregateFunction.LAST, true, node.get(0).longValue(),
							JsonValues.fromJson(node.get(1)));
			case COLLECT -> new Accumulator.Collect(node.valueStream()
				.map(item -> new Accumulator.Timed(item.get(0).longValue(), JsonValues.fromJson(item.get(1)))).toList());
			case COUNT_DISTINCT -> new Accumulator.Distinct(new LinkedHashSet<>((List<?>) value));
		};
	}

}
