package io.streamplane.api.web;

import java.util.List;

import io.streamplane.api.ControlPlaneException;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecValidationException;

/**
 * A spec sent as text is invalid: every problem of its {@link SpecValidationException}, each with the line
 * and column of its path in that text. Maps to {@link ProblemType#INVALID_SPEC}.
 */
public final class InvalidSpecException extends ControlPlaneException {

	private final List<FieldError> errors;

	private InvalidSpecException(SpecValidationException cause, List<FieldError> errors) {
		super(cause.getMessage(), cause);
		this.errors = List.copyOf(errors);
	}

	/** The problems of {@code invalid}, located in the {@code text} they were found in. */
	public static InvalidSpecException located(SpecValidationException invalid, String text, SpecFormat format) {
		SpecLocations locations = SpecLocations.of(text, format);
		List<FieldError> errors = invalid.problems().stream().map(problem -> locations.find(problem.path(), problem.message())
			.map(at -> new FieldError(problem.path(), problem.message(), at.line(), at.column()))
			.orElseGet(() -> new FieldError(problem.path(), problem.message()))).toList();
		return new InvalidSpecException(invalid, errors);
	}

	/** Every problem, in document order as far as possible. */
	public List<FieldError> errors() {
		return errors;
	}

}
