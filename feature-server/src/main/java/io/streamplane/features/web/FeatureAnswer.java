package io.streamplane.features.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.core.JsonGenerator;

/**
 * What the feature API answers to one request, whichever listener carried it: a status, a content type and
 * the UTF-8 JSON body, features or an RFC 9457 problem.
 *
 * @param status the HTTP status
 * @param contentType {@code application/json} or {@code application/problem+json}
 * @param body the body
 */
public record FeatureAnswer(int status, String contentType, byte[] body) {

	/** A 200 with a JSON body. */
	static FeatureAnswer ok(byte[] body) {
		return new FeatureAnswer(200, MediaType.APPLICATION_JSON_VALUE, body);
	}

	/** The problem as {@code application/problem+json}, its {@code instance} the request's path. */
	static FeatureAnswer problem(ProblemDetail problem, String instance) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (JsonGenerator json = FeaturesJson.generator(out)) {
			json.writeStartObject();
			json.writeStringProperty("type", String.valueOf(problem.getType()));
			json.writeStringProperty("title", problem.getTitle());
			json.writeNumberProperty("status", problem.getStatus());
			json.writeStringProperty("detail", problem.getDetail());
			json.writeStringProperty("instance", instance);
			json.writeEndObject();
		}
		return new FeatureAnswer(problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, out.toByteArray());
	}

	/** The 401 of a read without the read token, {@code detail} saying why. */
	public static FeatureAnswer unauthorized(String detail, String instance) {
		return problem(FeatureProblems.unauthorized(detail), instance);
	}

	/** Whether this is a problem. */
	public boolean isProblem() {
		return status >= 400;
	}

	/** Writes the answer to a servlet response: no content negotiation, no message converter. */
	public void send(HttpServletResponse response) throws IOException {
		response.setStatus(status);
		response.setContentType(contentType);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
