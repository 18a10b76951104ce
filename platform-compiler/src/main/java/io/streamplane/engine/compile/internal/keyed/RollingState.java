package io.streamplane.engine.compile.internal.keyed;

import java.util.ArrayList;
import java.util.List;

import io.streamplane.engine.compile.internal.window.WindowState;

/**
 * The slices of one key of a {@code rolling} step: the aggregates of its records per epoch-aligned
 * slice, oldest first, only slices that hold a record. Immutable.
 *
 * @param slices the slices, by ascending start
 */
record RollingState(List<Slice> slices) {

	/** The aggregates of the records whose event time falls in {@code [start, start + slice)}. */
	record Slice(long start, WindowState state) {
	}

	static final RollingState EMPTY = new RollingState(List.of());

	RollingState {
		slices = List.copyOf(slices);
	}

	/** The state of the slice starting at {@code start}, or {@code null}. */
	WindowState slice(long start) {
		for (Slice slice : slices) {
			if (slice.start() == start) {
				return slice.state();
			}
		}
		return null;
	}

	/**
	 * This state with the slice at {@code start} replaced by {@code state} and the slices starting
	 * before {@code oldest} dropped.
	 */
	RollingState with(long start, WindowState state, long oldest) {
		List<Slice> next = new ArrayList<>(slices.size() + 1);
		boolean placed = false;
		for (Slice slice : slices) {
			if (!placed && slice.start() >= start) {
				addIfKept(next, new Slice(start, state), oldest);
				placed = true;
				if (slice.start() == start) {
					continue;
				}
			}
			addIfKept(next, slice, oldest);
		}
		if (!placed) {
			addIfKept(next, new Slice(start, state), oldest);
		}
		return new RollingState(next);
	}

	private static void addIfKept(List<Slice> slices, Slice slice, long oldest) {
		if (slice.start() >= oldest) {
			slices.add(slice);
		}
	}

}
