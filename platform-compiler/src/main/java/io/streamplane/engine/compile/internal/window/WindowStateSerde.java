package io.streamplane.engine.compile.internal.window;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.streamplane.engine.compile.internal.value.BinaryReader;
import io.streamplane.engine.compile.internal.value.BinaryWriter;
import io.streamplane.engine.compile.internal.value.Decimals;
import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.DecimalType;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes window states for the window store, its changelog and the final-results buffer in a
 * compact binary form (see {@link BinaryWriter}): the key field's value, then one entry per
 * aggregation in spec order, whose layout depends on the aggregate function.
 */
public final class WindowStateSerde implements Serde<WindowState> {

	private final List<Aggregation> aggregations;

	/** A serde for the states of a window with these aggregations. */
	public WindowStateSerde(List<Aggregation> aggregations) {
		this.aggregations = List.copyOf(aggregations);
	}

	@Override
	public Serializer<WindowState> serializer() {
		return (topic, state) -> state == null ? null : write(state);
	}

	@Override
	public Deserializer<WindowState> deserializer() {
		return (topic, bytes) -> bytes == null ? null : read(new BinaryReader(bytes));
	}

	private static byte[] write(WindowState state) {
		BinaryWriter out = new BinaryWriter();
		write(out, state);
		return out.toByteArray();
	}

	/** Appends a state to {@code out}, in the layout {@link #read} reads; for states nested in others. */
	public static void write(BinaryWriter out, WindowState state) {
		out.writeValue(state.key());
		state.accumulators().forEach(accumulator -> write(out, accumulator));
	}

	private static void write(BinaryWriter out, Accumulator accumulator) {
		switch (accumulator) {
			case Accumulator.Count(long count) -> out.writeLong(count);
			case Accumulator.Sum(Object total) -> out.writeValue(total);
			case Accumulator.Extreme(boolean max, Object value) -> out.writeValue(value);
			case Accumulator.Avg(double total, long count) -> out.writeDouble(total).writeLong(count);
			case Accumulator.DecimalSum(BigDecimal total, DecimalType type) -> out.writeValue(Decimals.text(total));
			case Accumulator.DecimalAvg(BigDecimal total, long count, DecimalType type) ->
				out.writeValue(Decimals.text(total)).writeLong(count);
			case Accumulator.Positional(boolean last, boolean present, long time, Object value) -> {
				out.writeByte(present ? 1 : 0);
				if (present) {
					out.writeLong(time).writeValue(value);
				}
			}
			case Accumulator.Collect(List<Accumulator.Timed> items) -> {
				out.writeLong(items.size());
				items.forEach(item -> out.writeLong(item.time()).writeValue(item.value()));
			}
			case Accumulator.Previous(boolean seen, Object value) -> {
				out.writeByte(seen ? 1 : 0);
				if (seen) {
					out.writeValue(value);
				}
			}
			case Accumulator.Distinct(Set<Object> values) -> {
				out.writeLong(values.size());
				values.forEach(out::writeValue);
			}
		}
	}

	/** Reads one state written by {@link #write(BinaryWriter, WindowState)}. */
	public WindowState read(BinaryReader in) {
		Object key = in.readValue();
		List<Accumulator> accumulators = new ArrayList<>(aggregations.size());
		for (Aggregation aggregation : aggregations) {
			accumulators.add(aggregation.decimal().isPresent() ? decimal(in, aggregation)
					: read(in, aggregation.function()));
		}
		return new WindowState(key, accumulators);
	}

	private static Accumulator read(BinaryReader in, AggregateFunction function) {
		return switch (function) {
			case COUNT -> new Accumulator.Count(in.readLong());
			case SUM -> new Accumulator.Sum(in.readValue());
			case MIN -> new Accumulator.Extreme(false, in.readValue());
			case MAX -> new Accumulator.Extreme(true, in.readValue());
			case AVG -> new Accumulator.Avg(in.readDouble(), in.readLong());
			case FIRST, LAST -> in.readByte() == 0 ? Accumulator.empty(function)
					: new Accumulator.Positional(function == AggregateFunction.LAST, true, in.readLong(), in.readValue());
			case COLLECT -> new Accumulator.Collect(timed(in));
			case COUNT_DISTINCT -> new Accumulator.Distinct(distinct(in));
			case PREVIOUS -> in.readByte() == 0 ? Accumulator.empty(function) : new Accumulator.Previous(true, in.readValue());
		};
	}

	/** A decimal state: its exact text, which keeps the scale, and for avg the count. */
	private static Accumulator decimal(BinaryReader in, Aggregation aggregation) {
		DecimalType type = aggregation.decimal().orElseThrow();
		BigDecimal total = new BigDecimal((String) in.readValue());
		return aggregation.function() == AggregateFunction.AVG ? new Accumulator.DecimalAvg(total, in.readLong(), type)
				: new Accumulator.DecimalSum(total, type);
	}

	private static List<Accumulator.Timed> timed(BinaryReader in) {
		int count = (int) in.readLong();
		List<Accumulator.Timed> items = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			items.add(new Accumulator.Timed(in.readLong(), in.readValue()));
		}
		return items;
	}

	private static Set<Object> distinct(BinaryReader in) {
		int count = (int) in.readLong();
		Set<Object> values = new LinkedHashSet<>();
		for (int i = 0; i < count; i++) {
			values.add(in.readValue());
		}
		return values;
	}

}
