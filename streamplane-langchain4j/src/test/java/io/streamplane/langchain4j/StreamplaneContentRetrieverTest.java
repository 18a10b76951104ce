package io.streamplane.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retriever's side of {@code POST /search/{index}}, against a local HTTP server that records the request
 * and answers as told; the retriever against the real indexer is tested in streamplane-app.
 */
class StreamplaneContentRetrieverTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String HITS = """
			{"index":"docs","hits":[
			  {"id":"{\\"doc_id\\":1}#0","key":{"doc_id":1},"score":0.83,"text":"Bytewax uses Timely Dataflow.",
			   "metadata":{"category":"streaming","stars":5,"open":true,"tags":["a","b"],"author":null}},
			  {"id":"{\\"doc_id\\":2}#1","key":{"doc_id":2},"score":0.5,"text":"Pathway is reactive.","metadata":{}}]}
			""";

	private HttpServer server;

	private final AtomicReference<String> path = new AtomicReference<>();

	private final AtomicReference<String> authorization = new AtomicReference<>();

	private final AtomicReference<JsonNode> body = new AtomicReference<>();

	private volatile int status = 200;

	private volatile String answer = HITS;

	@BeforeEach
	void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			path.set(exchange.getRequestMethod() + " " + exchange.getRequestURI());
			authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			body.set(JSON.readTree(exchange.getRequestBody()));
			byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		server.start();
	}

	@AfterEach
	void stopServer() {
		server.stop(0);
	}

	private StreamplaneContentRetriever.Builder retriever() {
		return StreamplaneContentRetriever.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
			.index("docs");
	}

	@Test
	void shouldSendTheQueryWithKFilterModeAndTokenToTheIndex() {
		retriever().maxResults(3).mode(SearchMode.HYBRID).filter(Map.of("category", "streaming"))
			.token("a-read-token-of-16+").build().retrieve(Query.from("what is Bytewax?"));

		assertThat(path.get()).isEqualTo("POST /search/docs");
		assertThat(authorization.get()).isEqualTo("Bearer a-read-token-of-16+");
		assertThat(body.get()).isEqualTo(JSON.valueToTree(Map.of("query", "what is Bytewax?", "k", 3,
				"filter", Map.of("category", "streaming"), "mode", "hybrid")));
	}

	@Test
	void shouldLeaveOutFilterModeAndTokenUnlessSet() {
		retriever().build().retrieve(Query.from("exactly once"));

		assertThat(body.get()).isEqualTo(JSON.valueToTree(Map.of("query", "exactly once", "k", 5)));
		assertThat(authorization.get()).isNull();
	}

	@Test
	void shouldChooseTheFilterPerQuery() {
		StreamplaneContentRetriever retriever = retriever()
			.dynamicFilter(query -> Map.of("category", query.text().contains("stream") ? "streaming" : "other"))
			.build();

		retriever.retrieve(Query.from("streams"));
		assertThat(body.get().path("filter").path("category").asText()).isEqualTo("streaming");
		retriever.retrieve(Query.from("tables"));
		assertThat(body.get().path("filter").path("category").asText()).isEqualTo("other");
	}

	@Test
	void shouldTurnHitsIntoContentsWithTextMetadataKeyScoreAndId() {
		List<Content> contents = retriever().build().retrieve(Query.from("what is Bytewax?"));

		assertThat(contents).hasSize(2);
		Content first = contents.getFirst();
		assertThat(first.textSegment().text()).isEqualTo("Bytewax uses Timely Dataflow.");
		assertThat(first.textSegment().metadata().toMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
				"category", "streaming", "stars", 5, "open", "true", "tags", "[\"a\",\"b\"]", "doc_id", 1));
		assertThat(first.metadata()).containsEntry(ContentMetadata.SCORE, 0.83)
			.containsEntry(ContentMetadata.EMBEDDING_ID, "{\"doc_id\":1}#0");
		assertThat(contents.get(1).textSegment().metadata().getInteger("doc_id")).isEqualTo(2);
	}

	@Test
	void shouldThrowWithTheProblemDetailWhenTheServerRefuses() {
		status = 404;
		answer = """
				{"type":"urn:streamplane:problem:not-found","title":"Not Found","status":404,
				 "detail":"no index 'docs'; indexes: documents"}
				""";

		StreamplaneSearchException failure = catchThrowableOfType(StreamplaneSearchException.class,
				() -> retriever().build().retrieve(Query.from("anything")));

		assertThat(failure.status()).isEqualTo(404);
		assertThat(failure.getMessage()).contains("search of index 'docs'", "answered 404",
				"no index 'docs'; indexes: documents");
	}

	@Test
	void shouldThrowWithStatusZeroWhenNothingAnswers() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}

		StreamplaneSearchException failure = catchThrowableOfType(StreamplaneSearchException.class,
				() -> StreamplaneContentRetriever.builder().baseUrl("http://127.0.0.1:" + closed).index("docs").build()
					.retrieve(Query.from("anything")));

		assertThat(failure.status()).isZero();
		assertThat(failure.getMessage()).contains("search at http://127.0.0.1:" + closed + "/search/docs failed");
	}

	@Test
	void shouldNameTheSettingThatIsMissingOrWrong() {
		assertThatThrownBy(() -> StreamplaneContentRetriever.builder().index("docs").build())
			.hasMessageContaining("baseUrl must be the platform's http(s) address");
		assertThatThrownBy(() -> StreamplaneContentRetriever.builder().baseUrl("http://localhost:8080").build())
			.hasMessageContaining("index must name an index").hasMessageContaining("got none");
		assertThatThrownBy(() -> retriever().index("../admin").build()).hasMessageContaining("got '../admin'");
		assertThatThrownBy(() -> retriever().maxResults(0).build()).hasMessageContaining("maxResults must be at least 1");
	}

}
