package io.streamplane.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Issue 13, conformance case c8 end to end on the embedded PostgreSQL and broker: examples/cdc-to-vector-index.yaml
 * follows its table through CDC, the engine's index topic and the rag-indexer into a Lucene index; after each
 * insert, update and delete, {@code GET /search/{index}} counts the table's rows and {@code POST /search/{index}}
 * answers with the current text only. The Pathway-compatible endpoints answer in Pathway's shapes.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class VectorIndexC8IT extends AdminApiIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(120);

	private String index;

	@Test
	void shouldReplayC8InsertUpdateAndDeleteIntoTheSearchIndex() throws Exception {
		String name = EngineLifecycleIT.unique("c8-search");
		String suffix = name.substring(name.lastIndexOf('-') + 1);
		String table = "search_documents_" + suffix;
		index = "docs_" + suffix;
		execute("CREATE TABLE " + table + " (doc_id int PRIMARY KEY, body text NOT NULL)");
		String spec = ApiClient.example("cdc-to-vector-index.yaml")
			.replace("name: cdc-to-vector-index", "name: " + name)
			.replace("public.documents }", CdcTopic.SCHEMA + "." + table + " }")
			.replace("name: documents ", "name: " + index + " ");
		Response created = api.post("/api/v1/pipelines", "application/yaml", spec);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		execute("INSERT INTO " + table + " VALUES (1, 'Bytewax is a Python streaming framework with a Rust core.')");
		awaitRows(1, "Rust core", "Bytewax is a Python streaming framework with a Rust core.");
		execute("INSERT INTO " + table + " VALUES (2, 'Pathway is reactive incremental Python.')");
		awaitRows(2, "reactive incremental", "Pathway is reactive incremental Python.");
		execute("UPDATE " + table + " SET body = 'Bytewax uses Timely Dataflow for execution.' WHERE doc_id = 1");
		awaitRows(2, "Timely Dataflow", "Bytewax uses Timely Dataflow for execution.");

		for (String mode : List.of("hybrid", "vector")) {
			JsonNode top = search("{\"query\": \"what is Bytewax?\", \"k\": 1, \"mode\": \"" + mode + "\"}");
			assertThat(top.path("index").asString()).isEqualTo(index);
			assertThat(top.path("hits")).hasSize(1);
			assertThat(top.path("hits").get(0).path("key").path("doc_id").asInt()).as(mode).isEqualTo(1);
			assertThat(top.path("hits").get(0).path("id").asString()).isEqualTo("1#0");
			assertThat(top.path("hits").get(0).path("text").asString())
				.isEqualTo("Bytewax uses Timely Dataflow for execution.");
		}
		assertThat(texts(search("{\"query\": \"Rust core\", \"k\": 5}"))).noneMatch(text -> text.contains("Rust core"));

		execute("DELETE FROM " + table + " WHERE doc_id = 2");
		await().atMost(WAIT).untilAsserted(() -> assertThat(statistics().path("rows").asLong()).isEqualTo(1));
		JsonNode afterDelete = search("{\"query\": \"reactive incremental Python\", \"k\": 5}");
		assertThat(afterDelete.path("hits")).isNotEmpty()
			.allSatisfy(hit -> assertThat(hit.path("key").path("doc_id").asInt()).isNotEqualTo(2));

		JsonNode statistics = statistics();
		assertThat(statistics.path("chunks").asLong()).isEqualTo(1);
		assertThat(statistics.path("model").asString()).isEqualTo("all-MiniLM-L6-v2");
		assertThat(statistics.path("dimensions").asInt()).isEqualTo(384);
		assertThat(statistics.path("lastIndexedAt").isString()).as("%s", statistics).isTrue();
		assertThat(api.get("/search").json().path("indexes").findValuesAsString("index")).contains(index);

		Response retrieved = api.post("/search/" + index + "/v1/retrieve", "application/json",
				"{\"query\": \"Timely Dataflow\", \"k\": 2, \"metadata_filter\": null, \"filepath_globpattern\": null}");
		assertThat(retrieved.status()).as(retrieved.toString()).isEqualTo(200);
		assertThat(retrieved.json()).hasSize(1);
		assertThat(retrieved.json().get(0).path("text").asString()).isEqualTo("Bytewax uses Timely Dataflow for execution.");
		assertThat(retrieved.json().get(0).path("dist").asDouble()).isLessThan(0);
		assertThat(api.post("/search/" + index + "/v1/statistics", "application/json", "{}").json()
			.path("file_count").asLong()).isEqualTo(1);
		assertThat(api.post("/search/" + index + "/v1/inputs", "application/json", "{}").json())
			.extracting(input -> input.path("doc_id").asInt()).containsExactly(1);

		Response bad = api.post("/search/" + index, "application/json",
				"{\"query\": \"\", \"k\": 1000, \"filter\": {\"year\": {\"between\": 1}}}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.json().path("problems").findValuesAsString("path")).containsExactlyInAnyOrder("query", "k",
				"filter.year.between");
		assertThat(api.get("/search/no_such_index").status()).isEqualTo(404);

		assertThat(api.delete("/api/v1/pipelines/" + name).status()).isEqualTo(200);
		await().atMost(WAIT).until(() -> api.get("/search/" + index).status() == 404);
	}

	private void awaitRows(long rows, String keywords, String text) {
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(statistics().path("rows").asLong()).isEqualTo(rows);
			assertThat(texts(search("{\"query\": \"" + keywords + "\", \"k\": 5, \"mode\": \"keyword\"}")))
				.contains(text);
		});
	}

	private JsonNode statistics() {
		Response response = api.get("/search/" + index);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private JsonNode search(String body) {
		Response response = api.post("/search/" + index, "application/json", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static List<String> texts(JsonNode answer) {
		List<String> texts = new ArrayList<>();
		answer.path("hits").forEach(hit -> texts.add(hit.path("text").asString()));
		return texts;
	}

	private static void execute(String... statements) throws SQLException {
		try (Connection connection = CdcTopic.database(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
