package io.streamplane.rag.embed.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.embed.EmbeddingException;
import io.streamplane.rag.embed.EmbeddingProperties;

/**
 * Embeds through an OpenAI-compatible {@code POST {baseUrl}/embeddings} (OpenAI, Azure-style gateways, vLLM,
 * Ollama, LocalAI, text-embeddings-inference), {@code batchSize} texts per request. Answers 429 and 5xx, timeouts
 * and connection failures are {@linkplain EmbeddingException#isRetriable() retriable}; every other non-2xx
 * answer (400, 401, 403, 404 …) and a malformed body are permanent. The API key goes only into the
 * {@code Authorization} header: no message or log line contains it.
 */
public final class OpenAiEmbedder implements Embedder {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_DETAIL = 300;

	private static final String TIMEOUT_KEY = EmbeddingProperties.PREFIX + ".timeout";

	private final URI endpoint;

	private final String model;

	private final int dimensions;

	private final int batchSize;

	private final String apiKey;

	private final Duration timeout;

	private final HttpClient client;

	/** An embedder for a valid {@code openai} configuration ({@link EmbeddingProperties#problems()} empty). */
	public OpenAiEmbedder(EmbeddingProperties properties) {
		String base = properties.baseUrl().toString();
		this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "embeddings");
		this.model = properties.model();
		this.dimensions = properties.dimensions();
		this.batchSize = properties.batchSize();
		this.apiKey = properties.apiKey() == null || properties.apiKey().isEmpty() ? null : properties.apiKey();
		this.timeout = properties.timeout();
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public String model() {
		return model;
	}

	@Override
	public int dimensions() {
		return dimensions;
	}

	@Override
	public List<float[]> embedAll(List<String> texts) {
		List<float[]> vectors = new ArrayList<>(texts.size());
		for (int from = 0; from < texts.size(); from += batchSize) {
			vectors.addAll(request(texts.subList(from, Math.min(from + batchSize, texts.size()))));
		}
		return vectors;
	}

	private List<float[]> request(List<String> texts) {
		HttpResponse<String> response = send(texts);
		int status = response.statusCode();
		if (status / 100 == 2) {
			return vectors(response.body(), texts.size());
		}
		String message = "embedding service " + endpoint + " answered " + status + " for model " + model + ": "
				+ detail(response.body());
		if (status == 429 || status / 100 == 5) {
			throw EmbeddingException.retriable(message + " (will pass when the service recovers)", null);
		}
		throw EmbeddingException.permanent(message + hint(status), null);
	}

	private HttpResponse<String> send(List<String> texts) {
		ObjectNode body = JSON.createObjectNode().put("model", model);
		ArrayNode input = body.putArray("input");
		texts.forEach(input::add);
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			throw EmbeddingException.retriable("embedding service " + endpoint + " did not answer within " + timeout
					+ " (" + TIMEOUT_KEY + ")", ex);
		}
		catch (IOException ex) {
			throw EmbeddingException.retriable("could not reach embedding service " + endpoint + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw EmbeddingException.retriable("interrupted while waiting for embedding service " + endpoint, ex);
		}
	}

	private List<float[]> vectors(String body, int expected) {
		try {
			JsonNode data = JSON.readTree(body).path("data");
			if (!data.isArray() || data.size() != expected) {
				throw malformed("expected " + expected + " items in 'data', got "
						+ (data.isArray() ? data.size() : "no 'data' array"), null);
			}
			float[][] vectors = new float[expected][];
			for (JsonNode item : data) {
				int index = item.path("index").asInt(-1);
				JsonNode embedding = item.path("embedding");
				if (index < 0 || index >= expected || vectors[index] != null || !embedding.isArray()) {
					throw malformed("item with index " + item.path("index") + " is missing, repeated or has no "
							+ "'embedding' array", null);
				}
				vectors[index] = vector(embedding);
			}
			return List.of(vectors);
		}
		catch (JacksonException ex) {
			throw malformed("the body is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private float[] vector(JsonNode embedding) {
		if (embedding.size() != dimensions) {
			throw EmbeddingException.permanent("embedding service " + endpoint + " returned vectors of "
					+ embedding.size() + " dimensions for model " + model + ", but " + EmbeddingProperties.PREFIX
					+ ".dimensions is " + dimensions + "; set it to " + embedding.size(), null);
		}
		float[] vector = new float[dimensions];
		for (int d = 0; d < dimensions; d++) {
			vector[d] = embedding.get(d).floatValue();
		}
		return MeanPooling.normalize(vector);
	}

	private EmbeddingException malformed(String what, Throwable cause) {
		return EmbeddingException.permanent("embedding service " + endpoint
				+ " answered with a body that is not an OpenAI embeddings response: " + what, cause);
	}

	private String detail(String body) {
		String detail = body;
		try {
			JsonNode message = JSON.readTree(body).path("error").path("message");
			if (message.isString()) {
				detail = message.asString();
			}
		}
		catch (JacksonException ex) {
			// not JSON: the raw body, shortened, says enough
		}
		if (apiKey != null) {
			detail = detail.replace(apiKey, "******");
		}
		return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
	}

	private static String hint(int status) {
		return switch (status) {
			case 401, 403 -> "; check " + EmbeddingProperties.PREFIX + ".api-key";
			case 404 -> "; check " + EmbeddingProperties.PREFIX + ".base-url and .model";
			default -> "";
		};
	}

}
