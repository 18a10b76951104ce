package io.streamplane.engine.compile.internal.value;

import java.util.Objects;

/**
 * Why a record could not be processed.
 *
 * @param step the spec path of the step that failed, e.g. {@code transforms.revenue_1m.steps[1]}
 * @param reason a message a user can act on
 * @param errorClass the class of the underlying exception, or {@code null}
 * @param late whether the record arrived after its window closed
 */
public record Failure(String step, String reason, String errorClass, boolean late) {

	public Failure {
		Objects.requireNonNull(step, "step");
		Objects.requireNonNull(reason, "reason");
	}

	/** A failure of the record itself: bad data or an expression error. */
	public static Failure of(String step, RecordException exception) {
		return new Failure(step, exception.getMessage(), exception.errorClass(), false);
	}

	/** A record that arrived after its window closed. */
	public static Failure late(String step, String reason) {
		return new Failure(step, reason, null, true);
	}

}
