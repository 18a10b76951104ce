package io.streamplane.langchain4j;

/**
 * A search that did not answer: the server refused the request (the problem's {@code detail} in the message,
 * e.g. an unknown index or a bad filter), or could not be reached or read.
 */
public final class StreamplaneSearchException extends RuntimeException {

	private final int status;

	/**
	 * @param status the HTTP status, or 0 when there was no answer
	 * @param message what went wrong and, when the server said, why
	 */
	public StreamplaneSearchException(int status, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/** The HTTP status of the answer, e.g. 400 or 404; 0 when there was none (connection failed, timeout). */
	public int status() {
		return status;
	}

}
