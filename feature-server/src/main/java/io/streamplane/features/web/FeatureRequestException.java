package io.streamplane.features.web;

import org.springframework.http.ProblemDetail;

/**
 * A feature request that cannot be answered as sent (400, 404 or 413): carries the problem the client
 * gets. Thrown while reading a request, turned into the response by the controller.
 */
final class FeatureRequestException extends RuntimeException {

	private final transient ProblemDetail problem;

	FeatureRequestException(ProblemDetail problem) {
		super(problem.getDetail(), null, false, false);
		this.problem = problem;
	}

	ProblemDetail problem() {
		return problem;
	}

}
