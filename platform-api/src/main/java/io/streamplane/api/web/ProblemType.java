package io.streamplane.api.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem types of the REST API. Each has a stable {@code type} URI
 * ({@code urn:streamplane:problem:<id>}), documented in {@code docs/api.md}.
 */
public enum ProblemType {

	/** The pipeline spec is invalid; {@code errors} lists every problem with its path. */
	INVALID_SPEC("invalid-spec", HttpStatus.BAD_REQUEST, "Invalid pipeline spec"),

	/** A request parameter or body field is invalid; {@code errors} lists them. */
	INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),

	/** Authentication is missing or wrong. */
	UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),

	/** No such pipeline, version or resource. */
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),

	/** The HTTP method is not supported on this resource. */
	METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),

	/** The response cannot be produced in an acceptable media type. */
	NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),

	/** The request conflicts with the current state, e.g. a name already in use. */
	CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),

	/** The request body is larger than {@code streamplane.control-plane.max-request-size}. */
	PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),

	/** The request body's media type is not accepted here. */
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),

	/**
	 * A preview spent a budget of {@code streamplane.control-plane.preview.*}; {@code budget} names the
	 * property, {@code limit} its value.
	 */
	PREVIEW_BUDGET_EXCEEDED("preview-budget-exceeded", HttpStatus.UNPROCESSABLE_CONTENT, "Preview budget exceeded"),

	/** A dependency (Kafka) cannot answer now, or too many such requests run at once; try again. */
	UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),

	/** Something failed on the server; the response carries no internals, the log has details. */
	INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

	private final URI type;

	private final HttpStatus status;

	private final String title;

	ProblemType(String id, HttpStatus status, String title) {
		this.type = URI.create("urn:streamplane:problem:" + id);
		this.status = status;
		this.title = title;
	}

	/** The HTTP status of this problem type. */
	public HttpStatus status() {
		return status;
	}

	/** A problem of this type with the given human-readable detail. */
	public ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
