package io.streamplane.engine.preview;

import io.streamplane.spec.StreamplaneSpecException;

/** A preview request cannot be run as given, e.g. too many inputs or an unknown topic; the message says how to fix it. */
public class PreviewException extends StreamplaneSpecException {

	/** Creates an exception with the given message. */
	public PreviewException(String message) {
		super(message);
	}

}
