package io.streamplane.engine.runtime;

/**
 * A pipeline could not be run. {@link #isRetriable() Retriable} failures (Kafka unreachable,
 * missing input topics) are retried with backoff; others (a spec this engine cannot compile) leave
 * the pipeline {@code FAILED} until its desired state changes.
 */
public final class EngineException extends RuntimeException {

	private final boolean retriable;

	private EngineException(String message, Throwable cause, boolean retriable) {
		super(message, cause);
		this.retriable = retriable;
	}

	/** A failure that may pass, so the pipeline is restarted with backoff. */
	public static EngineException retriable(String message, Throwable cause) {
		return new EngineException(message, cause, true);
	}

	/** A failure that retrying cannot fix. */
	public static EngineException permanent(String message, Throwable cause) {
		return new EngineException(message, cause, false);
	}

	/** Whether retrying may succeed. */
	public boolean isRetriable() {
		return retriable;
	}

}
