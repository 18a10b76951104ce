package io.streamplane.benchmarks.harness;

/** A benchmark step that could not complete; the message says which and why. */
public final class BenchmarkException extends RuntimeException {

	public BenchmarkException(String message) {
		super(message);
	}

	public BenchmarkException(String message, Throwable cause) {
		super(message, cause);
	}

}
