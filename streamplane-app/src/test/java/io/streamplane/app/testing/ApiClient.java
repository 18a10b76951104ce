package io.streamplane.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the REST API in integration tests: real HTTP over loopback, the admin
 * token on request, JSON bodies parsed into trees.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String authorization;

	private ApiClient(String baseUrl, String authorization) {
		this.baseUrl = baseUrl;
		this.authorization = authorization;
	}

	/** A client of the server on this port, sending the admin token with every request. */
	public static ApiClient admin(int port, String token) {
		return new ApiClient("http://localhost:" + port, "Bearer " + token);
	}

	/** The same server, without credentials. */
	public ApiClient withoutToken() {
		return new ApiClient(baseUrl, null);
	}

	/** The same server, with the given bearer token. */
	public ApiClient withToken(String other) {
		return new ApiClient(baseUrl, "Bearer " + other);
	}

	/** The same server, with this {@code Authorization} header as it is. */
	public ApiClient withAuthorization(String header) {
		return new ApiClient(baseUrl, header);
	}

	public Response get(String path) {
		return send("GET", path, null, BodyPublishers.noBody());
	}

	public Response post(String path) {
		return send("POST", path, null, BodyPublishers.noBody());
	}

	public Response delete(String path) {
		return send("DELETE", path, null, BodyPublishers.noBody());
	}

	public Response post(String path, String contentType, String body) {
		return send("POST", path, contentType, BodyPublishers.ofString(body));
	}

	public Response put(String path, String contentType, String body) {
		return send("PUT", path, contentType, BodyPublishers.ofString(body));
	}

	public Response send(String method, String path, String contentType, BodyPublisher body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The text of a file under the repository's {@code examples/} folder. */
	public static String example(String fileName) {
		try {
			return Files.readString(Path.of("..", "examples", fileName));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An HTTP response.
	 *
	 * @param status the status code
	 * @param contentType the Content-Type header, or empty
	 * @param body the body text
	 */
	public record Response(int status, String contentType, String body) {

		/** The body as a JSON tree. */
		public JsonNode json() {
			return JSON.readTree(body);
		}

		@Override
		public String toString() {
			return status + " " + contentType + " " + body;
		}

	}

}
