package io.streamplane.spec;

import io.streamplane.kernel.FailureKind;
import io.streamplane.kernel.StreamplaneException;

/**
 * Unchecked base of every exception thrown by the pipeline spec API. Permanent: reading the same text again fails
 * the same way.
 */
public class StreamplaneSpecException extends StreamplaneException {

	/** Creates an exception with the given message. */
	public StreamplaneSpecException(String message) {
		super(message, null, FailureKind.PERMANENT);
	}

}
