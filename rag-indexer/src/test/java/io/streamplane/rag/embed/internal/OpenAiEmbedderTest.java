package io.streamplane.rag.embed.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.streamplane.rag.embed.EmbeddingException;
import io.streamplane.rag.embed.EmbeddingProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpenAiEmbedderTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String KEY = "sk-test-0123456789abcdef";

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private volatile int status = 200;

	private volatile String errorBody;

	private volatile Duration delay = Duration.ZERO;

	private volatile int returnedDimensions = 3;

	record Exchange(String path, String authorization, JsonNode body) {
	}

	@BeforeEach
	void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v1/embeddings", this::answer);
		server.start();
	}

	@AfterEach
	void stopServer() {
		server.stop(0);
	}

	@Test
	void shouldPostModelAndInputsWithTheKeyInBatchesAndReturnUnitVectorsInInputOrder() {
		try (OpenAiEmbedder embedder = new OpenAiEmbedder(properties().withBatchSize(2))) {
			List<float[]> vectors = embedder.embedAll(List.of("a", "bb", "ccc"));

			assertThat(exchanges).hasSize(2).allSatisfy(exchange -> {
				assertThat(exchange.path()).isEqualTo("/v1/embeddings");
				assertThat(exchange.authorization()).isEqualTo("Bearer " + KEY);
				assertThat(exchange.body().path("model").asString()).isEqualTo("test-embedding");
			});
			assertThat(exchanges.get(0).body().path("input").toString()).isEqualTo("[\"a\",\"bb\"]");
			assertThat(exchanges.get(1).body().path("input").toString()).isEqualTo("[\"ccc\"]");
			// the server lists items in reverse order, each (1, text length, 0) before normalisation
			assertThat(vectors).extracting(vector -> Math.round(vector[1] / vector[0])).containsExactly(1, 2, 3);
			assertThat(vectors).allSatisfy(vector -> assertThat(OnnxEmbedderTest.cosine(vector, vector))
				.isCloseTo(1.0, within(1e-6)));
			assertThat(embedder.model()).isEqualTo("test-embedding");
			assertThat(embedder.dimensions()).isEqualTo(3);
		}
	}

	@Test
	void shouldTellRetriableFailuresFrom429And5xx() {
		for (int code : new int[] { 429, 500, 502, 503 }) {
			status = code;
			errorBody = "{\"error\":{\"message\":\"slow down\"}}";
			EmbeddingException failure = embedFailure(properties());
			assertThat(failure.isRetriable()).as("status %d", code).isTrue();
			assertThat(failure).hasMessageContaining(String.valueOf(code)).hasMessageContaining("slow down");
		}
	}

	@Test
	void shouldFailPermanentlyOnBadCredentialsOrRequestWithoutRevealingTheKey() {
		for (int code : new int[] { 400, 401, 403 }) {
			status = code;
			errorBody = "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}";
			EmbeddingException failure = embedFailure(properties());
			assertThat(failure.isRetriable()).as("status %d", code).isFalse();
			assertThat(failure).hasMessageContaining("answered " + code).hasMessageNotContaining(KEY);
		}
		assertThat(embedFailure(properties())).hasMessageContaining("streamplane.rag-indexer.embedding.api-key");
	}

	@Test
	void shouldFailRetriablyWhenTheServiceIsTooSlowOrUnreachable() throws IOException {
		delay = Duration.ofSeconds(2);
		EmbeddingException slow = embedFailure(properties().withTimeout(Duration.ofMillis(300)));
		assertThat(slow.isRetriable()).isTrue();
		assertThat(slow).hasMessageContaining("did not answer within PT0.3S");

		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		EmbeddingException unreachable = embedFailure(EmbeddingProperties
			.openAi(URI.create("http://127.0.0.1:" + closedPort + "/v1"), "test-embedding", 3, KEY));
		assertThat(unreachable.isRetriable()).isTrue();
		assertThat(unreachable).hasMessageContaining("could not reach");
	}

	@Test
	void shouldFailPermanentlyWhenVectorsDoNotHaveTheConfiguredDimensions() {
		returnedDimensions = 4;
		EmbeddingException failure = embedFailure(properties());

		assertThat(failure.isRetriable()).isFalse();
		assertThat(failure).hasMessageContaining("4 dimensions")
			.hasMessageContaining("streamplane.rag-indexer.embedding.dimensions is 3; set it to 4");
	}

	@Test
	void shouldSendNoAuthorizationHeaderWithoutAKey() {
		try (OpenAiEmbedder embedder = new OpenAiEmbedder(EmbeddingProperties.openAi(baseUrl(), "m", 3, null))) {
			embedder.embedAll(List.of("a"));
		}
		assertThat(exchanges).singleElement().extracting(Exchange::authorization).isNull();
	}

	private EmbeddingException embedFailure(EmbeddingProperties properties) {
		try (OpenAiEmbedder embedder = new OpenAiEmbedder(properties)) {
			return catchThrowableOfType(EmbeddingException.class, () -> embedder.embedAll(List.of("a")));
		}
	}

	private EmbeddingProperties properties() {
		return EmbeddingProperties.openAi(baseUrl(), "test-embedding", 3, KEY);
	}

	private URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
	}

	private void answer(HttpExchange exchange) throws IOException {
		JsonNode request = JSON.readTree(exchange.getRequestBody());
		exchanges.add(new Exchange(exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Authorization"), request));
		sleep(delay);
		String body = status == 200 ? embeddings(request).toString() : errorBody;
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	/** Vector of text i: (1, its length, 0 …), items listed in reverse order. */
	private ObjectNode embeddings(JsonNode request) {
		ObjectNode response = JSON.createObjectNode().put("object", "list");
		ArrayNode data = response.putArray("data");
		JsonNode input = request.path("input");
		for (int i = input.size() - 1; i >= 0; i--) {
			ArrayNode vector = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
			vector.add(1).add(input.get(i).asString().length());
			for (int d = 2; d < returnedDimensions; d++) {
				vector.add(0);
			}
		}
		return response;
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
