package io.streamplane.features.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.core.JsonGenerator;

/**
 * What the feature API answers to one request, whichever listener carried it: a status, a content type and
 * a JSON body, features or an RFC 9457 problem. The values are read when the answer is made; the body is
 * written as UTF-8 JSON straight into the listener's output ({@link #writeTo}), so the serving port writes it
 * into a pooled network buffer without an intermediate array.
 *
 * @param status the HTTP status
 * @param contentType {@code application/json} or {@code application/problem+json}
 * @param body writes the body's JSON
 */
public record FeatureAnswer(int status, String contentType, Body body) {

	/** Writes the JSON of an answer's body; the data it writes is already read. */
	@FunctionalInterface
	interface Body {

		void write(JsonGenerator json);

	}

	/** A 200 with a JSON body. */
	static FeatureAnswer ok(Body body) {
		return new FeatureAnswer(200, MediaType.APPLICATION_JSON_VALUE, body);
	}

	/** The problem as {@code application/problem+json}, its {@code instance} the request's path. */
	static FeatureAnswer problem(ProblemDetail problem, String instance) {
		return new FeatureAnswer(problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, json -> {
			json.writeStartObject();
			json.writeStringProperty("type", String.valueOf(problem.getType()));
			json.writeStringProperty("title", problem.getTitle());
			json.writeNumberProperty("status", problem.getStatus());
			json.writeStringProperty("detail", problem.getDetail());
			json.writeStringProperty("instance", instance);
			json.writeEndObject();
		});
	}

	/** The 401 of a read without the read token, {@code detail} saying why. */
	public static FeatureAnswer unauthorized(String detail, String instance) {
		return problem(FeatureProblems.unauthorized(detail), instance);
	}

	/** Whether this is a problem. */
	public boolean isProblem() {
		return status >= 400;
	}

	/** Writes the body as UTF-8 JSON to {@code out}, which stays open. */
	public void writeTo(OutputStream out) {
		try (JsonGenerator json = FeaturesJson.generator(out)) {
			body.write(json);
		}
	}

	/** The body as UTF-8 JSON bytes. */
	public byte[] bytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
		writeTo(out);
		return out.toByteArray();
	}

	/** Writes the answer to a servlet response: no content negotiation, no message converter. */
	public void send(HttpServletResponse response) throws IOException {
		byte[] bytes = bytes();
		response.setStatus(status);
		response.setContentType(contentType);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}
