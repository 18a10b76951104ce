package io.streamplane.engine.compile.internal.keyed;

import java.util.ArrayList;
import java.util.List;

import io.streamplane.engine.compile.internal.value.BinaryReader;
import io.streamplane.engine.compile.internal.value.BinaryWriter;
import io.streamplane.engine.compile.internal.window.WindowStateSerde;
import io.streamplane.spec.Aggregation;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes a {@link RollingState} for the store and its changelog: the number of slices, then
 * each slice's start and its state in the layout of {@link WindowStateSerde}.
 */
final class RollingStateSerde implements Serde<RollingState> {

	private final WindowStateSerde states;

	RollingStateSerde(List<Aggregation> aggregations) {
		this.states = new WindowStateSerde(aggregations);
	}

	@Override
	public Serializer<RollingState> serializer() {
		return (topic, state) -> state == null ? null : write(state);
	}

	@Override
	public Deserializer<RollingState> deserializer() {
		return (topic, bytes) -> bytes == null ? null : read(new BinaryReader(bytes));
	}

	private static byte[] write(RollingState state) {
		BinaryWriter out = new BinaryWriter().writeLong(state.slices().size());
		for (RollingState.Slice slice : state.slices()) {
			out.writeLong(slice.start());
			WindowStateSerde.write(out, slice.state());
		}
		return out.toByteArray();
	}

	private RollingState read(BinaryReader in) {
		int count = (int) in.readLong();
		List<RollingState.Slice> slices = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			slices.add(new RollingState.Slice(in.readLong(), states.read(in)));
		}
		return new RollingState(slices);
	}

}
