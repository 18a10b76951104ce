package io.streamplane.engine.compile.internal.window;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of one window of one key: the value of the key field and one accumulator per
 * aggregation, in the order of the spec.
 *
 * @param key the key field's value, {@code null} until a record arrived
 * @param accumulators the aggregations' states
 */
public record WindowState(Object key, List<Accumulator> accumulators) {

	public WindowState {
		accumulators = List.copyOf(accumulators);
	}

	/** The state merged with another window's, for sessions that grow together. */
	public WindowState merge(WindowState other) {
		List<Accumulator> merged = new ArrayList<>();
		for (int i = 0; i < accumulators.size(); i++) {
			merged.add(accumulators.get(i).merge(other.accumulators.get(i)));
		}
		return new WindowState(key != null ? key : other.key, merged);
	}

}
