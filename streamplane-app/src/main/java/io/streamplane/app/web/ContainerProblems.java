package io.streamplane.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.streamplane.api.web.ProblemType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * RFC 9457 problems for errors the web server answers before or after the application: a request
 * it cannot parse, a path it refuses, a method it does not allow, an error page. Of the control
 * plane's {@link ProblemType}s, with a detail that names what the server saw and never an exception.
 */
final class ContainerProblems {

	static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ContainerProblems() {
	}

	/**
	 * The problem's JSON.
	 *
	 * @param status the HTTP status, 400 to 599
	 * @param reason what the server said about the request, or null; not shown for 5xx
	 * @param instance the request path, or null
	 */
	static byte[] json(int status, String reason, String instance) {
		ProblemType type = type(status);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "urn:streamplane:problem:" + id(type));
		body.put("title", type.status().value() == status ? type.problem("").getTitle() : title(status));
		body.put("status", status);
		body.put("detail", detail(status, reason));
		if (instance != null && !instance.isEmpty()) {
			body.put("instance", instance);
		}
		return JSON.writeValueAsBytes(body);
	}

	private static String detail(int status, String reason) {
		if (status >= 500) {
			return "the server failed to handle the request; the server log has details";
		}
		String base = switch (status) {
			case 400 -> "the server could not read the request";
			case 404 -> "nothing is served at this path";
			case 405 -> "the HTTP method is not allowed here";
			case 413 -> "the request is larger than the server accepts";
			default -> "the server refused the request";
		};
		return reason == null || reason.isBlank() ? base : base + ": " + reason;
	}

	private static ProblemType type(int status) {
		return switch (status) {
			case 401 -> ProblemType.UNAUTHORIZED;
			case 404 -> ProblemType.NOT_FOUND;
			case 405 -> ProblemType.METHOD_NOT_ALLOWED;
			case 406 -> ProblemType.NOT_ACCEPTABLE;
			case 409 -> ProblemType.CONFLICT;
			case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
			case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
			case 503 -> ProblemType.UNAVAILABLE;
			default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.INVALID_REQUEST;
		};
	}

	private static String id(ProblemType type) {
		String uri = type.problem("").getType().toString();
		return uri.substring(uri.lastIndexOf(':') + 1);
	}

	private static String title(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return known == null ? "Error " + status : known.getReasonPhrase();
	}

}
