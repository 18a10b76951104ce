package io.streamplane.api.deadletters;

import io.streamplane.api.ControlPlaneException;
import io.streamplane.kernel.FailureKind;

/** A dead-letter topic cannot be read now (Kafka unreachable, or too many reads at once); retriable. */
public final class DeadLetterReadException extends ControlPlaneException {

	DeadLetterReadException(String message, Throwable cause) {
		super(message, cause, FailureKind.RETRIABLE);
	}

}
