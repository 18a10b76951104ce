package io.streamplane.kernel;

/** Whether trying the same thing again may succeed: what a caller needs to decide between retry and fail fast. */
public enum FailureKind {

	/** The failure may pass by itself (a lost connection, a broker not yet up): try again after a back-off. */
	RETRIABLE,

	/**
	 * Trying again fails again until someone changes something (bad credentials, a missing privilege, an invalid
	 * spec): fail fast and say what to change.
	 */
	PERMANENT

}
