package io.streamplane.engine.compile.internal.group;

import java.util.ArrayList;
import java.util.List;

import io.streamplane.engine.compile.internal.value.BinaryReader;
import io.streamplane.engine.compile.internal.value.BinaryWriter;
import io.streamplane.spec.Aggregation;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes a {@link GroupState} in the store of groups and its changelog: the row count, the
 * {@code by} values, then each accumulator's {@link Retractable#state() state} as a list of row
 * values, in the order of the step's aggregations (which the reader must know).
 */
public final class GroupStateSerde implements Serde<GroupState> {

	private final List<Aggregation> aggregations;

	/** @param aggregations the step's aggregations, in spec order */
	public GroupStateSerde(List<Aggregation> aggregations) {
		this.aggregations = List.copyOf(aggregations);
	}

	@Override
	public Serializer<GroupState> serializer() {
		return (topic, state) -> state == null ? null : write(state);
	}

	@Override
	public Deserializer<GroupState> deserializer() {
		return (topic, bytes) -> bytes == null ? null : read(new BinaryReader(bytes));
	}

	private static byte[] write(GroupState state) {
		BinaryWriter out = new BinaryWriter().writeLong(state.rows()).writeValue(state.group());
		state.accumulators().forEach(accumulator -> out.writeValue(accumulator.state()));
		return out.toByteArray();
	}

	@SuppressWarnings("unchecked")
	private GroupState read(BinaryReader in) {
		long rows = in.readLong();
		List<Object> group = (List<Object>) in.readValue();
		List<Retractable> accumulators = new ArrayList<>(aggregations.size());
		for (Aggregation aggregation : aggregations) {
			accumulators.add(Retractable.of(aggregation, (List<Object>) in.readValue()));
		}
		return new GroupState(rows, group, accumulators);
	}

}
