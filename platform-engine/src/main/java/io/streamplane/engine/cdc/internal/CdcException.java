package io.streamplane.engine.cdc.internal;

import io.streamplane.kernel.FailureKind;
import io.streamplane.kernel.StreamplaneException;

/**
 * A CDC failure; {@link #isRetriable()} tells whether trying again may help (a lost connection)
 * or not (a missing privilege, a bad URL).
 */
public class CdcException extends StreamplaneException {

	public CdcException(String message, boolean retriable) {
		this(message, null, retriable);
	}

	public CdcException(String message, Throwable cause, boolean retriable) {
		this(message, cause, retriable ? FailureKind.RETRIABLE : FailureKind.PERMANENT);
	}

	public CdcException(String message, Throwable cause, FailureKind kind) {
		super(message, cause, kind);
	}

}
