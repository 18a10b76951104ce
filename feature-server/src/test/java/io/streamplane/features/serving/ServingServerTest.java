package io.streamplane.features.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.streamplane.features.ConsumedTile;
import io.streamplane.features.Feature;
import io.streamplane.features.FeatureReader;
import io.streamplane.features.FeatureServerException;
import io.streamplane.features.ServedView;
import io.streamplane.features.FeatureViews;
import io.streamplane.features.TileStore;
import io.streamplane.features.TileStoreConfig;
import io.streamplane.features.metrics.FeatureRequestTimers;
import io.streamplane.features.security.ReadToken;
import io.streamplane.features.web.FeatureApi;
import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;

/** The serving listener over real sockets, on a real tile store: the feature API without the web server. */
class ServingServerTest {

	private static final long MINUTE_MS = 60_000;

	private static final String TOKEN = "serving-test-token-0123456789";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path directory;

	private final HttpClient http = HttpClient.newHttpClient();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private TileStore store;

	private FeatureApi api;

	private ServingServer server;

	@BeforeEach
	void setUp() {
		store = TileStore.open(TileStoreConfig.of(directory));
		long start = Instant.parse("2026-01-01T12:05:00Z").toEpochMilli();
		store.apply(List.of(tile("u1", start, 4), tile("a/b c", start, 2)), Map.of());
		FeatureViews views = FeatureViews.of(List.of(ServedView.of("clicks", "user_id",
				Map.of("clicks_5m", Feature.count(Duration.ofMinutes(5))), Duration.ofMinutes(1), Duration.ofHours(1))));
		Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:06:00Z"), ZoneOffset.UTC);
		api = new FeatureApi(views, new FeatureReader(store, clock), 3, DataSize.ofKilobytes(1));
	}

	@AfterEach
	void close() {
		if (server != null) {
			server.stop();
		}
		store.close();
	}

	@Test
	void shouldAnswerAGetExactlyAsTheWebServerDoes() throws Exception {
		start(null);
		HttpResponse<String> response = get("/features/clicks/u1", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo(new String(api.get("clicks", "u1", null, "/features/clicks/u1").bytes(),
				StandardCharsets.UTF_8));
		assertThat(JSON.readTree(response.body()).at("/features/clicks_5m/value").asLong()).isEqualTo(4);
		// the handler times a request once its answer is written, so the client may read it first
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(registry.get(FeatureRequestTimers.REQUEST)
			.tag("listener", "serving").tag("endpoint", "get").tag("outcome", "success").timer().count()).isEqualTo(1));
	}

	@Test
	void shouldDecodeEachPathSegmentAndReadAsOf() throws Exception {
		start(null);
		JsonNode now = JSON.readTree(get("/features/clicks/a%2Fb%20c", null).body());
		JsonNode before = JSON.readTree(get("/features/clicks/u1?as_of=2026-01-01T12:00:00Z", null).body());

		assertThat(now.path("entity").asString()).isEqualTo("a/b c");
		assertThat(now.at("/features/clicks_5m/value").asLong()).isEqualTo(2);
		assertThat(before.at("/features/clicks_5m/status").asString()).isEqualTo("NOT_FOUND");
	}

	@Test
	void shouldAnswerAFeastPost() throws Exception {
		start(null);
		HttpResponse<String> response = post("""
				{"features": ["clicks:clicks_5m"], "entities": {"user_id": ["u1", "u2"]}}""");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.at("/results/1/values/0").asLong()).isEqualTo(4);
		assertThat(body.at("/results/1/statuses/1").asString()).isEqualTo("NOT_FOUND");
	}

	@Test
	void shouldAnswerProblemsThatSayWhatIsWrong() throws Exception {
		start(null);
		HttpResponse<String> unknownView = get("/features/nope/u1", null);
		HttpResponse<String> badAsOf = get("/features/clicks/u1?as_of=noon", null);
		HttpResponse<String> overlong = get("/features/clicks/%C0%AF", null);
		HttpResponse<String> farAsOf = get("/features/clicks/u1?as_of=%2B999999999-12-31T23:59:59Z", null);
		HttpResponse<String> farPostAsOf = post("{\"features\": [\"clicks:clicks_5m\"], \"entities\": {\"user_id\": [1]}, "
				+ "\"as_of\": \"+999999999-12-31T23:59:59Z\"}");
		HttpResponse<String> unknownPath = get("/health", null);
		HttpResponse<String> tooMany = post("{\"view\": \"clicks\", \"entities\": {\"user_id\": [1, 2, 3, 4]}}");

		assertThat(unknownView.statusCode()).isEqualTo(404);
		assertThat(unknownView.headers().firstValue("content-type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(unknownView.body()).path("detail").asString())
			.isEqualTo("no feature view named 'nope'; the served views are [clicks]");
		assertThat(JSON.readTree(unknownView.body()).path("instance").asString()).isEqualTo("/features/nope/u1");
		assertThat(badAsOf.statusCode()).isEqualTo(400);
		assertThat(badAsOf.body()).contains("as_of: 'noon' is not an ISO-8601 instant");
		assertThat(overlong.statusCode()).as("issue 12: not UTF-8, was 200 with replacement characters").isEqualTo(400);
		assertThat(overlong.body()).contains("not percent-encoded UTF-8");
		assertThat(farAsOf.statusCode()).as(farAsOf.body()).isEqualTo(400);
		assertThat(farAsOf.body()).contains("to 9999-12-31T23:59:59Z");
		assertThat(farPostAsOf.statusCode()).as(farPostAsOf.body()).isEqualTo(400);
		assertThat(farPostAsOf.body()).contains("to 9999-12-31T23:59:59Z");
		assertThat(unknownPath.statusCode()).isEqualTo(404);
		assertThat(unknownPath.body()).contains("GET /health is not a feature read",
				"GET /features/{view}/{entity}", "POST /features");
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(tooMany.body()).contains("streamplane.feature-server.max-entities-per-request");
	}

	@Test
	void shouldRefuseABodyLargerThanTheLimitAndCloseTheConnection() throws Exception {
		start(null);
		HttpResponse<String> response = post("{\"view\": \"clicks\", \"entities\": {\"user_id\": [\""
				+ "x".repeat(2000) + "\"]}}");

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("streamplane.feature-server.max-request-size");
		assertThat(response.headers().firstValue("connection")).hasValue("close");
	}

	/** Issue 12: Netty's own 413 to {@code Expect: 100-continue} (which curl sends for large bodies) had no body. */
	@Test
	void shouldAnswerAnExpectedBodyLargerThanTheLimitWithAProblem() throws Exception {
		start(null);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(("POST /features HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 3000000\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			byte[] answer = new byte[4096];
			int read = socket.getInputStream().read(answer);
			String response = new String(answer, 0, read, StandardCharsets.UTF_8);

			assertThat(response).startsWith("HTTP/1.1 413 Request Entity Too Large")
				.contains("application/problem+json", "the body has 3000000 bytes",
						"streamplane.feature-server.max-request-size");
		}
	}

	@Test
	void shouldAnswerATooLongRequestLineWithBadRequestAndCloseTheConnection() throws Exception {
		start(null);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
			socket.setSoTimeout(10_000); // reading to the end proves the close; a kept connection times out
			socket.getOutputStream().write(("GET /features/clicks/" + "x".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

			assertThat(response).startsWith("HTTP/1.1 400 Bad Request")
				.contains("application/problem+json", "the request could not be read");
		}
	}

	@Test
	void shouldServeManyRequestsOnOneKeptAliveConnection() throws Exception {
		start(null);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
			OutputStream out = socket.getOutputStream();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			for (int i = 0; i < 3; i++) {
				out.write("GET /features/clicks/u1 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
				int length = 0;
				for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
					if (header.toLowerCase().startsWith("content-length:")) {
						length = Integer.parseInt(header.substring(15).trim());
					}
				}
				char[] body = new char[length];
				assertThat(in.read(body)).isEqualTo(length);
				assertThat(new String(body)).contains("\"entity\":\"u1\"");
			}
		}
	}

	@Test
	void shouldLetOnlyReadsWithTheTokenThrough() throws Exception {
		start(new ReadToken(TOKEN));
		HttpResponse<String> without = get("/features/clicks/u1", null);
		HttpResponse<String> wrong = get("/features/clicks/u1", "Bearer not-the-token");
		HttpResponse<String> with = get("/features/clicks/u1", "Bearer " + TOKEN);

		assertThat(without.statusCode()).isEqualTo(401);
		assertThat(without.headers().firstValue("www-authenticate")).hasValue(ReadToken.CHALLENGE);
		assertThat(without.body()).contains("streamplane.feature-server.read-token").doesNotContain(TOKEN);
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(with.statusCode()).isEqualTo(200);
	}

	@Test
	void shouldSayWhichPropertyToChangeWhenThePortIsTaken() {
		start(null);
		ServingServer second = new ServingServer(server.port(), 1,
				new ServingHandler(api, null, new FeatureRequestTimers(registry, "serving")));

		assertThatThrownBy(second::start).isInstanceOf(FeatureServerException.class)
			.hasMessageContaining("serving port " + server.port())
			.hasMessageContaining("streamplane.feature-server.serving-port");
		assertThat(second.isRunning()).isFalse();
	}

	@Test
	void shouldRefuseFewerThanOneEventLoop() {
		assertThatThrownBy(() -> new ServingServer(0, 0,
				new ServingHandler(api, null, new FeatureRequestTimers(registry, "serving"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("was 0")
			.hasMessageContaining("streamplane.feature-server.serving-threads");
	}

	private void start(ReadToken token) {
		server = new ServingServer(0, 1, new ServingHandler(api, token, new FeatureRequestTimers(registry, "serving")));
		server.start();
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String body) throws Exception {
		return http.send(HttpRequest.newBuilder(uri("/features")).POST(BodyPublishers.ofString(body)).build(),
				BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + server.port() + path);
	}

	private static ConsumedTile tile(String entity, long start, long clicks) {
		return ConsumedTile.of(new Tile("clicks", entity, start, MINUTE_MS, start + 20_000,
				Map.of("count()", new PartialAggregate.Count(clicks))));
	}

}
