package io.streamplane.engine.compile.internal.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The state of one group: how many rows it has, the values of its {@code by} fields, and one
 * {@link Retractable} per aggregation, in spec order. Immutable: Kafka Streams forwards the old
 * state beside the new one to a step that asks for it.
 *
 * @param rows the number of rows in the group; {@code 0} once its last row left
 * @param group the {@code by} values, empty until a row came
 * @param accumulators one per aggregation
 */
public record GroupState(long rows, List<Object> group, List<Retractable> accumulators) {

	public GroupState {
		group = Collections.unmodifiableList(new ArrayList<>(group));
		accumulators = List.copyOf(accumulators);
	}

}
