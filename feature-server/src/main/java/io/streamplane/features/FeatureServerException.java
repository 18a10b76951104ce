package io.streamplane.features;

import io.streamplane.kernel.FailureKind;
import io.streamplane.kernel.StreamplaneException;

/**
 * The one unchecked exception of the feature server: a bad tile or view definition or a listener that
 * cannot start (permanent), or a failure of the RocksDB store underneath (retriable; see {@link #kind()}).
 */
public final class FeatureServerException extends StreamplaneException {

	private FeatureServerException(String message, Throwable cause, FailureKind kind) {
		super(message, cause, kind);
	}

	/** A problem with the input that will not go away by trying again. */
	public static FeatureServerException invalid(String message) {
		return new FeatureServerException(message, null, FailureKind.PERMANENT);
	}

	/** A failure that will not go away by trying again, e.g. a port that is taken. */
	public static FeatureServerException permanent(String message, Throwable cause) {
		return new FeatureServerException(message, cause, FailureKind.PERMANENT);
	}

	/** A failure of the storage layer; trying again (or reopening the store) may succeed. */
	public static FeatureServerException storage(String message, Throwable cause) {
		return new FeatureServerException(message, cause, FailureKind.RETRIABLE);
	}
}
