package io.streamplane.langchain4j.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.langchain4j.StreamplaneSearchException;

/**
 * Sends {@code POST /search/{index}} with {@code {"query","k","filter","mode"}} and reads
 * {@code {"index","hits":[...]}}; an answer other than 200 becomes a {@link StreamplaneSearchException} carrying
 * the problem's detail.
 */
public final class SearchHttp {

	private static final ObjectMapper JSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private final URI base;

	private final String token;

	private final Duration timeout;

	private final HttpClient client;

	/**
	 * @param base the platform's address, e.g. {@code http://localhost:8080}
	 * @param token the read token sent as {@code Authorization: Bearer}, or {@code null}
	 * @param timeout how long one search may take, end to end
	 */
	public SearchHttp(URI base, String token, Duration timeout, HttpClient client) {
		this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
		this.token = token;
		this.timeout = timeout;
		this.client = client;
	}

	/**
	 * The hits for a query, best first.
	 * @param filter the metadata filter as the search API takes it, or {@code null}
	 * @param mode {@code vector}, {@code keyword} or {@code hybrid}, or {@code null} for the server's default
	 */
	public List<SearchHit> search(String index, String query, int k, Map<String, ?> filter, String mode) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("k", k);
		if (filter != null && !filter.isEmpty()) {
			body.put("filter", filter);
		}
		if (mode != null) {
			body.put("mode", mode);
		}
		URI uri = base.resolve("search/" + index);
		HttpResponse<byte[]> response = send(uri, body);
		if (response.statusCode() != 200) {
			throw new StreamplaneSearchException(response.statusCode(), "search of index '" + index + "' at " + uri +
					" answered " + response.statusCode() + ": " + Problems.detail(response.body()), null);
		}
		try {
			return JSON.readValue(response.body(), SearchResult.class).hits();
		}
		catch (IOException ex) {
			throw new StreamplaneSearchException(200, "search of index '" + index + "' at " + uri +
					" answered with a body that is not a search result: " + ex.getMessage(), ex);
		}
	}

	private HttpResponse<byte[]> send(URI uri, Map<String, Object> body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new StreamplaneSearchException(0, "search at " + uri + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StreamplaneSearchException(0, "search at " + uri + " was interrupted", ex);
		}
	}

	private static byte[] json(Map<String, Object> body) {
		try {
			return JSON.writeValueAsBytes(body);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("the filter cannot be written as JSON: " + ex.getMessage(), ex);
		}
	}

	private record SearchResult(String index, List<SearchHit> hits) {

		SearchResult {
			hits = hits == null ? List.of() : hits;
		}

	}

	/** Reads the detail of an RFC 9457 problem, with its listed errors. */
	private static final class Problems {

		private Problems() {
		}

		static String detail(byte[] body) {
			try {
				JsonNode problem = JSON.readTree(body);
				if (problem != null && problem.hasNonNull("detail")) {
					String detail = problem.get("detail").asText();
					JsonNode errors = problem.path("errors");
					return errors.isArray() && !errors.isEmpty() ? detail + " " + errors : detail;
				}
			}
			catch (IOException ex) {
				// not JSON: the raw text below says what the server said
			}
			String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
			return text.length() > 500 ? text.substring(0, 500) + "..." : text;
		}

	}

}
