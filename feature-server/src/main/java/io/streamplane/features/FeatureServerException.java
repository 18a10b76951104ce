package io.streamplane.features;

/**
 * The one unchecked exception of the feature server: a bad tile or view definition or a listener that
 * cannot start (permanent), or a failure of the RocksDB store underneath (see {@link #retriable()}).
 */
public final class FeatureServerException extends RuntimeException {

	private final boolean retriable;

	private FeatureServerException(String message, Throwable cause, boolean retriable) {
		super(message, cause);
		this.retriable = retriable;
	}

	/** A problem with the input that will not go away by trying again. */
	public static FeatureServerException invalid(String message) {
		return new FeatureServerException(message, null, false);
	}

	/** A failure that will not go away by trying again, e.g. a port that is taken. */
	public static FeatureServerException permanent(String message, Throwable cause) {
		return new FeatureServerException(message, cause, false);
	}

	/** A failure of the storage layer; trying again (or reopening the store) may succeed. */
	public static FeatureServerException storage(String message, Throwable cause) {
		return new FeatureServerException(message, cause, true);
	}

	/** Whether the operation may succeed when tried again. */
	public boolean retriable() {
		return retriable;
	}
}
