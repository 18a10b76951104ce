package io.streamplane.api.web;

import java.util.List;

import io.streamplane.api.ControlPlaneException;

/** A request parameter or field is invalid; maps to {@link ProblemType#INVALID_REQUEST}. */
public final class InvalidRequestException extends ControlPlaneException {

	private final List<FieldError> errors;

	/** An invalid request listing each problem. */
	public InvalidRequestException(List<FieldError> errors) {
		super(errors.stream().map(error -> error.path() + ": " + error.message()).reduce((a, b) -> a + "; " + b)
			.orElse("invalid request"));
		this.errors = List.copyOf(errors);
	}

	/** An invalid request with one problem. */
	public static InvalidRequestException of(String path, String message) {
		return new InvalidRequestException(List.of(new FieldError(path, message)));
	}

	/** Every problem found. */
	public List<FieldError> errors() {
		return errors;
	}

}
