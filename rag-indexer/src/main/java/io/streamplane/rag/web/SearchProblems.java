package io.streamplane.rag.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import io.streamplane.rag.index.FilterQueries.Problem;

/**
 * The RFC 9457 problems of the search API, with the control plane's {@code urn:streamplane:problem:*} types; an
 * invalid request lists every problem with its JSON path under {@code problems}.
 */
final class SearchProblems {

	private SearchProblems() {
	}

	static ProblemDetail invalid(List<Problem> problems) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				problems.stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; ")));
		problem.setProperty("problems", problems);
		return problem;
	}

	static ProblemDetail notFound(String detail) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
	}

	static ProblemDetail internal(String detail) {
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", detail);
	}

	static ProblemDetail unavailable(String detail) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail);
	}

	private static ProblemDetail problem(HttpStatus status, String id, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:streamplane:problem:" + id));
		problem.setTitle(title);
		return problem;
	}

}
