package io.streamplane.api.security;

import io.streamplane.api.ControlPlaneException;

/** {@code streamplane.security.admin-token} is missing or too weak; never carries the value. */
public final class InvalidAdminTokenException extends ControlPlaneException {

	static final int MIN_LENGTH = 16;

	InvalidAdminTokenException(String problem) {
		super("streamplane.security.admin-token " + problem);
	}

	static void check(String token) {
		if (token == null || token.isBlank()) {
			throw new InvalidAdminTokenException("is not set");
		}
		if (token.length() < MIN_LENGTH) {
			throw new InvalidAdminTokenException("is shorter than " + MIN_LENGTH + " characters");
		}
	}

}
