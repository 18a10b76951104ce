package io.streamplane.kernel;

import java.util.Objects;

/**
 * The unchecked base of every Streamplane exception. Each module has one root that extends it
 * ({@code StreamplaneSpecException}, {@code EngineException}, {@code FeatureServerException}, ...), and
 * every instance says whether trying again may help ({@link #kind()}).
 */
public abstract class StreamplaneException extends RuntimeException {

	private final FailureKind kind;

	/**
	 * @param message what failed, naming the path, key or value involved and, for a permanent failure, the fix
	 * @param cause the underlying failure, or {@code null}
	 */
	protected StreamplaneException(String message, Throwable cause, FailureKind kind) {
		super(message, cause);
		this.kind = Objects.requireNonNull(kind, "kind");
	}

	/** Whether trying again may succeed. */
	public final FailureKind kind() {
		return kind;
	}

	/** Whether trying again may succeed: {@code kind() == RETRIABLE}. */
	public final boolean isRetriable() {
		return kind == FailureKind.RETRIABLE;
	}

	/**
	 * The kind of any failure: a {@link StreamplaneException}'s own, {@link FailureKind#RETRIABLE} for anything
	 * else (an unexpected failure is worth another try with back-off).
	 */
	public static FailureKind kindOf(Throwable failure) {
		return failure instanceof StreamplaneException known ? known.kind() : FailureKind.RETRIABLE;
	}

}
