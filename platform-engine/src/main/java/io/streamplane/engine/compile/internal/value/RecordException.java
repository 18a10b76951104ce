package io.streamplane.engine.compile.internal.value;

/**
 * A record cannot be processed: it is malformed, lacks a field, or an expression failed on it.
 * Operators catch it and dead-letter the record; the pipeline keeps running.
 */
public final class RecordException extends RuntimeException {

	private final String errorClass;

	/** A failure described by the message alone. */
	public RecordException(String message) {
		super(message);
		this.errorClass = null;
	}

	/** A failure caused by an exception, whose class is reported too. */
	public RecordException(String message, Throwable cause) {
		super(message, cause);
		this.errorClass = cause.getClass().getName();
	}

	/** The class name of the cause, or {@code null}. */
	public String errorClass() {
		return errorClass;
	}

}
