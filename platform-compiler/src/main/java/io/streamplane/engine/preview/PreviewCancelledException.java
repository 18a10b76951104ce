package io.streamplane.engine.preview;

/** A preview was stopped from outside (its client left, or the server is shutting down) before it finished. */
public class PreviewCancelledException extends RuntimeException {

	/** Creates an exception with the given message. */
	public PreviewCancelledException(String message) {
		super(message);
	}

}
