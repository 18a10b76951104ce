package io.streamplane.spec;

/** Unchecked base of every exception thrown by the pipeline spec API. */
public class StreamplaneSpecException extends RuntimeException {

	/** Creates an exception with the given message. */
	public StreamplaneSpecException(String message) {
		super(message);
	}

}
