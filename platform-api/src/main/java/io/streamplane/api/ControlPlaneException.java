package io.streamplane.api;

import io.streamplane.kernel.FailureKind;
import io.streamplane.kernel.StreamplaneException;

/**
 * Base of the control plane's exceptions; each maps to one RFC 9457 problem type. Permanent unless a subclass
 * says otherwise: a bad request fails again when sent again.
 */
public abstract class ControlPlaneException extends StreamplaneException {

	protected ControlPlaneException(String message) {
		super(message, null, FailureKind.PERMANENT);
	}

	protected ControlPlaneException(String message, Throwable cause) {
		super(message, cause, FailureKind.PERMANENT);
	}

	protected ControlPlaneException(String message, Throwable cause, FailureKind kind) {
		super(message, cause, kind);
	}

}
