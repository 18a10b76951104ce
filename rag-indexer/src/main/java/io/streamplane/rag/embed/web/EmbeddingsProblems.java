package io.streamplane.rag.embed.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The RFC 9457 problems of {@code /v1/embeddings}, with the platform's {@code urn:streamplane:problem:*} types. */
final class EmbeddingsProblems {

	private EmbeddingsProblems() {
	}

	static ProblemDetail invalidRequest(String detail) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
	}

	static ProblemDetail unauthorized(String detail) {
		return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required", detail);
	}

	static ProblemDetail unavailable(String detail) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail);
	}

	static ProblemDetail internal(String detail) {
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", detail);
	}

	private static ProblemDetail problem(HttpStatus status, String id, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:streamplane:problem:" + id));
		problem.setTitle(title);
		return problem;
	}

}
