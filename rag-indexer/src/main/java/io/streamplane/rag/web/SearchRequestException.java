package io.streamplane.rag.web;

import org.springframework.http.ProblemDetail;

/** A search request that gets this problem as its answer. */
final class SearchRequestException extends RuntimeException {

	private final transient ProblemDetail problem;

	SearchRequestException(ProblemDetail problem) {
		super(problem.getDetail(), null, false, false);
		this.problem = problem;
	}

	ProblemDetail problem() {
		return problem;
	}

}
