package io.streamplane.rag.embed;

/**
 * An embedding could not be computed. {@link #isRetriable()} tells a transient failure (a remote service
 * timing out or answering 429/5xx) from a permanent one (bad credentials, a model that does not load).
 */
public final class EmbeddingException extends RuntimeException {

	private final boolean retriable;

	private EmbeddingException(String message, Throwable cause, boolean retriable) {
		super(message, cause);
		this.retriable = retriable;
	}

	/** A failure that may pass when tried again later. */
	public static EmbeddingException retriable(String message, Throwable cause) {
		return new EmbeddingException(message, cause, true);
	}

	/** A failure that will not pass without a change of configuration or model. */
	public static EmbeddingException permanent(String message, Throwable cause) {
		return new EmbeddingException(message, cause, false);
	}

	/** Whether trying again later may succeed. */
	public boolean isRetriable() {
		return retriable;
	}

}
