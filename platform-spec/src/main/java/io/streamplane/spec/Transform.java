package io.streamplane.spec;

import java.util.List;
import java.util.Objects;

/**
 * A named stream derived from other streams by a list of steps.
 *
 * @param name the name outputs and other transforms refer to it by
 * @param from the sources or transforms it reads; more than one means their records are merged
 * into one stream, in arrival order
 * @param steps the steps applied in order to each record; may be empty (a pure merge or rename)
 */
public record Transform(String name, List<String> from, List<Step> steps) {

	public Transform {
		Objects.requireNonNull(name, "name");
		from = List.copyOf(from);
		steps = List.copyOf(steps);
		if (from.isEmpty()) {
			throw new IllegalArgumentException("transform '" + name + "' needs at least one input");
		}
	}

	/** Whether this transform merges several inputs. */
	public boolean isMerge() {
		return from.size() > 1;
	}

}
