package io.streamplane.engine.runtime;

import io.streamplane.kernel.FailureKind;
import io.streamplane.kernel.StreamplaneException;

/**
 * A pipeline could not be run. {@link #isRetriable() Retriable} failures (Kafka unreachable,
 * missing input topics) are retried with backoff; others (a spec this engine cannot compile) leave
 * the pipeline {@code FAILED} until its desired state changes.
 */
public final class EngineException extends StreamplaneException {

	private EngineException(String message, Throwable cause, FailureKind kind) {
		super(message, cause, kind);
	}

	/** A failure that may pass, so the pipeline is restarted with backoff. */
	public static EngineException retriable(String message, Throwable cause) {
		return new EngineException(message, cause, FailureKind.RETRIABLE);
	}

	/** A failure that retrying cannot fix. */
	public static EngineException permanent(String message, Throwable cause) {
		return new EngineException(message, cause, FailureKind.PERMANENT);
	}

}
