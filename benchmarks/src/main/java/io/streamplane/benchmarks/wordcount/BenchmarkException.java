package io.streamplane.benchmarks.wordcount;

/** A benchmark step that could not complete; the message says which and why. */
final class BenchmarkException extends RuntimeException {

	BenchmarkException(String message) {
		super(message);
	}

	BenchmarkException(String message, Throwable cause) {
		super(message, cause);
	}

}
