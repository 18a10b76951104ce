package io.streamplane.app.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control-plane endpoints the web console reads, over HTTP: the console's page and assets, a pipeline's
 * topology, dead letters, status history and submitted text, every status in one page, the feature views,
 * and spec problems located at their lines. Bad parameters get a 400 problem naming them.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsoleApiIT extends AdminApiIntegrationTest {

	private static final String NAME = "console-api-" + UUID.randomUUID().toString().substring(0, 8);

	private static final String YAML = """
			# kept verbatim: this comment comes back from /source
			name: %s
			sources:
			  clicks:
			    kafka: { topic: %s-in }
			transforms:
			  valid:
			    from: clicks
			    steps:
			      - filter: "user_id != ''"
			outputs:
			  - { from: valid, kafka: { topic: %s-out } }
			""".formatted(NAME, NAME, NAME);

	@BeforeEach
	void registered() {
		if (api.get("/api/v1/pipelines/" + NAME).status() == 404) {
			Response created = api.post("/api/v1/pipelines", "application/yaml", YAML);
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
		}
	}

	@Test
	void shouldServeTheConsoleAtTheRootWithAContentSecurityPolicy() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(), BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				policy -> assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'"));
		assertThat(page.body()).contains("<title>Streamplane console</title>", "console/app.js");
		assertThat(api.withoutToken().get("/console/app.js").status()).isEqualTo(200);
		assertThat(api.withoutToken().get("/console/vendor/dagre/LICENSE").body()).contains("Chris Pettitt");
		assertThat(api.withoutToken().get("/console/vendor/uplot/LICENSE").body()).contains("Leon Sorokin");
	}

	@Test
	void shouldAnswerTheTopologyOfAVersionWithItsSpecSteps() {
		Response topology = api.withoutToken().get("/api/v1/pipelines/" + NAME + "/topology");

		assertThat(topology.status()).as(topology.toString()).isEqualTo(200);
		JsonNode graph = topology.json();
		assertThat(graph.path("applicationId").asString()).isEqualTo("sp-" + NAME + "-v1");
		assertThat(graph.path("nodes").valueStream().map(node -> node.path("step").asString(""))).contains(
				"sources.clicks", "transforms.valid.steps[0]", "outputs[0]");
		assertThat(graph.path("nodes").valueStream().map(node -> node.path("kind").asString())).contains("INPUT_TOPIC",
				"OUTPUT_TOPIC", "DEAD_LETTER_TOPIC", "SOURCE", "PROCESSOR", "SINK");
		assertThat(api.get("/api/v1/pipelines/" + NAME + "/topology?version=9").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/pipelines/no-such-pipeline/topology").status()).isEqualTo(404);
	}

	@Test
	void shouldReadTheDeadLetterTopicWithinBounds() {
		Response empty = api.withoutToken().get("/api/v1/pipelines/" + NAME + "/dead-letters?limit=5");
		Response tooMany = api.get("/api/v1/pipelines/" + NAME + "/dead-letters?limit=101");

		assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
		assertThat(empty.json().path("topic").asString()).isEqualTo("sp.dlq." + NAME);
		assertThat(empty.json().path("complete").asBoolean()).isTrue();
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.contentType()).startsWith("application/problem+json");
		assertThat(tooMany.json().at("/errors/0/path").asString()).isEqualTo("limit");
	}

	@Test
	void shouldAnswerEveryStatusInOnePageAndAHistoryPerPipeline() {
		Response page = api.withoutToken().get("/api/v1/status?size=100");
		Response history = api.withoutToken().get("/api/v1/pipelines/" + NAME + "/status/history");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().path("items").valueStream().map(item -> item.path("name").asString())).contains(NAME);
		assertThat(page.json().path("items").valueStream().filter(item -> item.path("name").asString().equals(NAME)))
			.singleElement()
			.satisfies(item -> assertThat(item.path("desiredState").asString()).isEqualTo("RUNNING"));
		assertThat(api.get("/api/v1/status?size=1001").json().at("/errors/0/path").asString()).isEqualTo("size");
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.json().path("sampleInterval").asString()).isEqualTo("PT5S");
		assertThat(history.json().path("samples").isArray()).isTrue();
	}

	@Test
	void shouldGiveBackTheSpecTextAsSubmitted() {
		Response source = api.withoutToken().get("/api/v1/pipelines/" + NAME + "/source?version=1");

		assertThat(source.status()).isEqualTo(200);
		assertThat(source.contentType()).startsWith("application/yaml");
		assertThat(source.body()).isEqualTo(YAML);
		assertThat(api.get("/api/v1/pipelines/" + NAME + "/source?version=7").status()).isEqualTo(404);
	}

	@Test
	void shouldListTheFeatureViewsOfLivePipelines() {
		Response views = api.withoutToken().get("/api/v1/feature-views");

		assertThat(views.status()).isEqualTo(200);
		assertThat(views.json().isArray()).isTrue();
		assertThat(views.json().valueStream().map(view -> view.path("pipeline").asString())).doesNotContain(NAME);
	}

	@Test
	void shouldLocateEveryProblemOfAYamlSpecAtItsLine() {
		Response invalid = api.post("/api/v1/pipelines/validate", "application/yaml",
				YAML.replace("kafka: { topic: " + NAME + "-in }", "kafka: { topic: " + NAME + "-in }\n    lateness: soon"));

		assertThat(invalid.status()).isEqualTo(400);
		JsonNode error = invalid.json().path("errors").get(0);
		assertThat(error.path("path").asString()).isEqualTo("sources.clicks.lateness");
		assertThat(error.path("line").asInt()).isEqualTo(6);
		assertThat(error.path("column").asInt()).isEqualTo(5);
	}

}
