package io.streamplane.spec;

import java.util.Objects;

/**
 * One problem found in a pipeline spec.
 *
 * @param path where the problem is, as dotted field names and {@code [index]} list positions, e.g.
 * {@code transforms.revenue_1m.steps[1].window.tumbling}; {@code ""} for the document root
 * @param message what is wrong, the bad value, what is allowed and how to fix it
 */
public record SpecProblem(String path, String message) {

	public SpecProblem {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(message, "message");
	}

	/** {@code path: message}, or the message alone for the document root. */
	@Override
	public String toString() {
		return path.isEmpty() ? message : path + ": " + message;
	}

}
