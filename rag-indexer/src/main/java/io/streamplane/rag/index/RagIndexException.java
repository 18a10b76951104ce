package io.streamplane.rag.index;

/**
 * The rag-indexer's base exception: an index that cannot be opened, written or searched.
 * {@link #isRetriable()} tells a transient failure from a permanent one.
 */
public final class RagIndexException extends RuntimeException {

	private final boolean retriable;

	private RagIndexException(String message, Throwable cause, boolean retriable) {
		super(message, cause);
		this.retriable = retriable;
	}

	/** A failure that will not pass by trying again (a corrupt index, a full disk). */
	public static RagIndexException permanent(String message, Throwable cause) {
		return new RagIndexException(message, cause, false);
	}

	/** Whether trying again may succeed. */
	public boolean isRetriable() {
		return retriable;
	}

}
