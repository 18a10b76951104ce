package io.streamplane.engine.compile.internal.value;

import io.streamplane.kernel.FailureKind;
import io.streamplane.kernel.StreamplaneException;

/**
 * A record cannot be processed: it is malformed, lacks a field, or an expression failed on it.
 * Operators catch it and dead-letter the record; the pipeline keeps running.
 */
public final class RecordException extends StreamplaneException {

	private final String errorClass;

	/** A failure described by the message alone. */
	public RecordException(String message) {
		super(message, null, FailureKind.PERMANENT);
		this.errorClass = null;
	}

	/** A failure caused by an exception, whose class is reported too. */
	public RecordException(String message, Throwable cause) {
		super(message, cause, FailureKind.PERMANENT);
		this.errorClass = cause.getClass().getName();
	}

	/** The class name of the cause, or {@code null}. */
	public String errorClass() {
		return errorClass;
	}

}
