package io.streamplane.engine.cdc.internal;

/**
 * A CDC failure; {@link #isRetriable()} tells whether trying again may help (a lost connection)
 * or not (a missing privilege, a bad URL).
 */
public class CdcException extends RuntimeException {

	private final boolean retriable;

	public CdcException(String message, boolean retriable) {
		super(message);
		this.retriable = retriable;
	}

	public CdcException(String message, Throwable cause, boolean retriable) {
		super(message, cause);
		this.retriable = retriable;
	}

	/** Whether trying again may succeed. */
	public boolean isRetriable() {
		return retriable;
	}

}
