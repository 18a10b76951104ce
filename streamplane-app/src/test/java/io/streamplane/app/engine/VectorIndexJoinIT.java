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
 * Issue 13's join-fed index (and issue 16's index role), end to end on the embedded PostgreSQL and broker:
 * examples/cdc-join-to-vector-index.yaml joins a CDC table of documents with a CDC table of categories and indexes
 * the result. Renaming a category re-emits its documents: filters on the new name match them at once and the old
 * name matches nothing, with zero new embeddings (the statistics' {@code embedded} counter); moving a document to
 * another category embeds nothing either, while a changed text is embedded once. Every change is timed from its
 * commit to being searchable ({@code freshness}, {@code streamplane_index_freshness_seconds}).
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class VectorIndexJoinIT extends AdminApiIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(120);

	private String index;

	@Test
	void shouldReEmitDocumentsWhenTheirCategoryIsRenamedWithoutEmbeddingThemAgain() throws Exception {
		String name = EngineLifecycleIT.unique("join-search");
		String suffix = name.substring(name.lastIndexOf('-') + 1);
		String documents = "join_documents_" + suffix;
		String categories = "join_categories_" + suffix;
		index = "by_category_" + suffix;
		execute("CREATE TABLE " + categories + " (category_id int PRIMARY KEY, category text NOT NULL)",
				"CREATE TABLE " + documents + " (doc_id int PRIMARY KEY, category_id int NOT NULL, body text NOT NULL)",
				"INSERT INTO " + categories + " VALUES (1, 'streaming'), (2, 'storage')",
				"INSERT INTO " + documents + " VALUES (1, 1, 'Kafka Streams processes one record at a time.'), "
						+ "(2, 1, 'Bytewax uses Timely Dataflow for execution.'), "
						+ "(3, 2, 'RocksDB keeps state on the local disk.')");
		String spec = ApiClient.example("cdc-join-to-vector-index.yaml")
			.replace("name: cdc-join-to-vector-index", "name: " + name)
			.replace("public.documents }", CdcTopic.SCHEMA + "." + documents + " }")
			.replace("public.categories }", CdcTopic.SCHEMA + "." + categories + " }")
			.replace("name: documents_by_category ", "name: " + index + " ");
		Response created = api.post("/api/v1/pipelines", "application/yaml", spec);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(statistics().path("rows").asLong()).isEqualTo(3);
			assertThat(docIds("{\"category\": \"streaming\"}")).containsExactlyInAnyOrder(1, 2);
		});
		assertThat(docIds("{\"category\": \"storage\"}")).containsExactly(3);
		long embedded = statistics().path("embedded").asLong();
		assertThat(embedded).as("one chunk per document").isEqualTo(3);

		execute("UPDATE " + categories + " SET category = 'stream processing' WHERE category_id = 1");
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(docIds("{\"category\": \"stream processing\"}")).containsExactlyInAnyOrder(1, 2);
			assertThat(docIds("{\"category\": \"streaming\"}")).isEmpty();
		});
		assertThat(statistics().path("embedded").asLong()).as("a renamed category embeds nothing").isEqualTo(embedded);

		execute("UPDATE " + documents + " SET body = 'RocksDB keeps state on the local SSD.' WHERE doc_id = 3");
		await().atMost(WAIT).untilAsserted(() -> assertThat(texts("{\"category\": \"storage\"}"))
			.containsExactly("RocksDB keeps state on the local SSD."));
		assertThat(statistics().path("embedded").asLong()).as("a changed text is embedded").isEqualTo(embedded + 1);

		execute("UPDATE " + documents + " SET category_id = 1 WHERE doc_id = 3");
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(docIds("{\"category\": \"stream processing\"}")).containsExactlyInAnyOrder(1, 2, 3);
			assertThat(docIds("{\"category_id\": 2}")).isEmpty();
		});
		JsonNode statistics = statistics();
		assertThat(statistics.path("embedded").asLong()).as("a document moved to another category embeds nothing")
			.isEqualTo(embedded + 1);
		assertThat(statistics.path("rows").asLong()).isEqualTo(3);
		assertThat(statistics.path("freshness").path("changes").asLong()).as("%s", statistics).isPositive();
		assertThat(statistics.path("freshness").path("p95Ms").isNumber()).as("%s", statistics).isTrue();
		assertThat(api.get("/actuator/prometheus").body())
			.containsPattern("streamplane_index_freshness_seconds_count\\{index=\"" + index + "\",pipeline=\"" + name
					+ "\"\\} [1-9]");

		assertThat(api.delete("/api/v1/pipelines/" + name).status()).isEqualTo(200);
		await().atMost(WAIT).until(() -> api.get("/search/" + index).status() == 404);
	}

	private JsonNode statistics() {
		Response response = api.get("/search/" + index);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	/** The hits of a keyword-free vector search filtered by {@code filter}, at most 10. */
	private JsonNode hits(String filter) {
		Response response = api.post("/search/" + index, "application/json",
				"{\"query\": \"state and streams\", \"k\": 10, \"mode\": \"vector\", \"filter\": " + filter + "}");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("hits");
	}

	private List<Integer> docIds(String filter) {
		List<Integer> ids = new ArrayList<>();
		hits(filter).forEach(hit -> ids.add(hit.path("key").path("doc_id").asInt()));
		return ids;
	}

	private List<String> texts(String filter) {
		List<String> texts = new ArrayList<>();
		hits(filter).forEach(hit -> texts.add(hit.path("text").asString()));
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
