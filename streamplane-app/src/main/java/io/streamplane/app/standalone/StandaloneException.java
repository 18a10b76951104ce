package io.streamplane.app.standalone;

import io.streamplane.kernel.FailureKind;
import io.streamplane.kernel.StreamplaneException;

/**
 * A standalone start-up problem the user can fix, such as a data directory already in use. Its
 * {@link #getMessage() message} says what is wrong, {@link #action()} how to fix it; the
 * {@link StandaloneFailureAnalyzer} prints both without a stack trace.
 */
public final class StandaloneException extends StreamplaneException {

	private final String action;

	/**
	 * @param description what is wrong, naming the property, path or port and the bad value
	 * @param action how to fix it
	 */
	public StandaloneException(String description, String action) {
		super(description, null, FailureKind.PERMANENT);
		this.action = action;
	}

	/**
	 * @param description what is wrong, naming the property, path or port and the bad value
	 * @param action how to fix it
	 * @param cause the underlying failure
	 */
	public StandaloneException(String description, String action, Throwable cause) {
		super(description, cause, FailureKind.PERMANENT);
		this.action = action;
	}

	/** How to fix the problem. */
	public String action() {
		return action;
	}

}
