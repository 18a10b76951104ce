package io.streamplane.engine.compile.internal.interval;

import java.time.Duration;

import io.streamplane.spec.StreamJoinType;

/**
 * How far behind the join's stream time an event may be and still be joined correctly. Under an
 * inner join, {@code within + lateness}: the span of events it could join closed no more than the
 * lateness ago, so they are still in the join's window stores. Under a left, right or full join an
 * event without a match is emitted once stream time passes its time {@code + within + lateness}; an
 * event may then lag by no more than the lateness, so that it can never match an event already
 * emitted without a match.
 *
 * @param allowed the largest lag allowed
 * @param description the bound in words, for the dead letter's reason
 * @param consequence what would go wrong with a later event, for the dead letter's reason
 */
record LateBound(Duration allowed, String description, String consequence) {

	static LateBound of(StreamJoinType type, Duration within, Duration lateness) {
		if (type == StreamJoinType.INNER) {
			return new LateBound(within.plus(lateness), "within " + within + " + lateness " + lateness,
					"the records it would join may have expired");
		}
		return new LateBound(lateness, "lateness " + lateness,
				"a record it would join may already have been emitted without a match");
	}

}
