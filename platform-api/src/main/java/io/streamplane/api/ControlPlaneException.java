package io.streamplane.api;

/** Base of the control plane's exceptions; each maps to one RFC 9457 problem type. */
public abstract class ControlPlaneException extends RuntimeException {

	protected ControlPlaneException(String message) {
		super(message);
	}

	protected ControlPlaneException(String message, Throwable cause) {
		super(message, cause);
	}

}
