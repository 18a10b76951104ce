package io.streamplane.features;

import java.time.Duration;

/**
 * One feature of a {@link ServedView}: an aggregate function over the events of the last
 * {@code window} before the request time.
 *
 * @param function the aggregate
 * @param argument the field it reads ({@code ""} for count)
 * @param window how far back from the request time the aggregate reaches; a positive multiple of the
 *        view's tile size
 */
public record Feature(ServedAggregate function, String argument, Duration window) {

	/** Normalises a {@code null} argument to {@code ""}. */
	public Feature {
		argument = argument == null ? "" : argument;
	}

	/** A count over the window. */
	public static Feature count(Duration window) {
		return new Feature(ServedAggregate.COUNT, "", window);
	}

	/** {@code function(argument)} over the window. */
	public static Feature of(ServedAggregate function, String argument, Duration window) {
		return new Feature(function, argument, window);
	}

	/** The id of the partial this feature merges, see {@link ServedAggregate#partialId(String)}. */
	public String partialId() {
		return function.partialId(argument);
	}
}
