package io.streamplane.engine.runtime;

/**
 * Turns exceptions into the one-line messages shown as a pipeline's {@code lastError}: the
 * innermost cause that has a message, prefixed by its type, then the outermost message when it
 * differs, since Kafka Streams names the topic and task there; at most {@value #MAX_LENGTH}
 * characters. Kafka and Streamplane exceptions never carry credentials in their messages.
 */
final class ErrorMessages {

	static final int MAX_LENGTH = 500;

	private ErrorMessages() {
	}

	static String describe(Throwable exception) {
		if (exception instanceof EngineException) {
			return truncate(exception.getMessage());
		}
		Throwable described = exception;
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				described = cause;
			}
		}
		String message = described.getMessage() == null ? "" : ": " + described.getMessage();
		String context = described != exception && exception.getMessage() != null && !exception.getMessage().isBlank()
				? " (" + exception.getMessage() + ")" : "";
		return truncate(described.getClass().getSimpleName() + message + context);
	}

	private static String truncate(String message) {
		return message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH - 1) + "…";
	}

}
