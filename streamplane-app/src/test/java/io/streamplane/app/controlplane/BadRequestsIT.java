package io.streamplane.app.controlplane;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.function.Function;
import java.util.stream.Stream;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.streamplane.app.controlplane.PipelineLifecycleIT.jsonSpec;
import static io.streamplane.app.controlplane.PipelineLifecycleIT.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Malformed and invalid requests: each gets a 4xx {@code application/problem+json} that names the
 * problem, never a 5xx.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class BadRequestsIT extends AdminApiIntegrationTest {

	private static final String EXISTING = unique("existing");

	private static final String JSON = "application/json";

	private static final String YAML = "application/yaml";

	@BeforeEach
	void existingPipeline() {
		if (api.get("/api/v1/pipelines/" + EXISTING).status() == 404) {
			assertThat(api.post("/api/v1/pipelines", JSON, jsonSpec(EXISTING)).status()).isEqualTo(201);
		}
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(
				bad("malformed JSON", 400, "malformed JSON at line 1",
						api -> api.post("/api/v1/pipelines", JSON, "{\"name\": \"x\",")),
				bad("malformed YAML", 400, "malformed YAML at line",
						api -> api.post("/api/v1/pipelines", YAML, "name: [unclosed\nsources: {")),
				bad("YAML that is not a mapping", 400, "",
						api -> api.post("/api/v1/pipelines", YAML, "- a\n- b\n")),
				bad("unknown top-level field", 400, "unknown field 'sinks'",
						api -> api.post("/api/v1/pipelines", JSON, jsonSpec("with-sinks").replaceFirst("\\{", "{\"sinks\": [],"))),
				bad("unknown nested field with a suggestion", 400, "tumbling",
						api -> api.post("/api/v1/pipelines", YAML, windowSpec("tumblng: 10s"))),
				bad("empty name", 400, "name", api -> api.post("/api/v1/pipelines", JSON, jsonSpec(""))),
				bad("invalid name", 400, "DNS label", api -> api.post("/api/v1/pipelines", JSON, jsonSpec("Bad_Name"))),
				bad("overlong name", 400, "63", api -> api.post("/api/v1/pipelines", JSON, jsonSpec("a".repeat(64)))),
				bad("wrong type", 400, "expected a string",
						api -> api.post("/api/v1/pipelines", JSON, jsonSpec("typed").replace("\"typed\"", "42"))),
				bad("undefined source", 400, "clickz",
						api -> api.post("/api/v1/pipelines", JSON, jsonSpec("undefined").replace("\"from\": \"clicks\"", "\"from\": \"clickz\""))),
				bad("bad expression syntax", 400, "steps[0].filter",
						api -> api.post("/api/v1/pipelines", JSON, jsonSpec("syntax").replace("user_id != ''", "user_id !="))),
				bad("unknown expression field", 400, "amout",
						api -> api.post("/api/v1/pipelines", YAML, ApiClient.example("topic-to-topic-enrichment.yaml")
							.replace("amount >= 1000", "amout >= 1000"))),
				bad("bad duration", 400, "expected a duration like",
						api -> api.post("/api/v1/pipelines", YAML, windowSpec("tumbling: 10 seconds"))),
				bad("unknown aggregate function", 400, "median",
						api -> api.post("/api/v1/pipelines", YAML, windowSpec("tumbling: 10s").replace("count()", "median(x)"))),
				bad("missing body", 400, "body", api -> api.post("/api/v1/pipelines", JSON, "")),
				bad("oversize body", 413, "max-request-size",
						api -> api.post("/api/v1/pipelines", JSON, "{\"description\": \"" + "x".repeat(1_100_000) + "\"}")),
				bad("oversize chunked body", 413, "max-request-size",
						api -> api.send("POST", "/api/v1/pipelines", JSON, BodyPublishers.ofInputStream(
								() -> new java.io.ByteArrayInputStream(("{\"d\": \"" + "x".repeat(1_100_000) + "\"}").getBytes())))),
				bad("wrong media type", 415, "application/yaml",
						api -> api.post("/api/v1/pipelines", "text/plain", "name: x")),
				bad("unknown name", 404, "no pipeline named 'nope'", api -> api.get("/api/v1/pipelines/nope")),
				bad("update of an unknown name", 404, "no pipeline named",
						api -> api.put("/api/v1/pipelines/ghost", JSON, jsonSpec("ghost"))),
				bad("pause of an unknown name", 404, "no pipeline named", api -> api.post("/api/v1/pipelines/ghost/pause")),
				bad("unknown version", 404, "has no version 99",
						api -> api.get("/api/v1/pipelines/" + EXISTING + "?version=99")),
				bad("version that is not a number", 400, "version",
						api -> api.get("/api/v1/pipelines/" + EXISTING + "?version=abc")),
				bad("page size out of range", 400, "between 1 and", api -> api.get("/api/v1/pipelines?size=0")),
				bad("negative page", 400, "0 or more", api -> api.get("/api/v1/pipelines?page=-1")),
				bad("name conflict", 409, "already exists",
						api -> api.post("/api/v1/pipelines", JSON, jsonSpec(EXISTING))),
				bad("rename through update", 400, "cannot be renamed",
						api -> api.put("/api/v1/pipelines/" + EXISTING, JSON, jsonSpec("other-name"))),
				bad("unsupported method", 405, "", api -> api.send("PATCH", "/api/v1/pipelines/" + EXISTING, JSON,
						BodyPublishers.ofString("{}"))),
				bad("unknown path", 404, "", api -> api.get("/api/v1/nothing-here")));
	}

	@ParameterizedTest
	@MethodSource("badRequests")
	void shouldAnswerWithAProblemThatNamesIt(Function<ApiClient, Response> request, int status, String named) {
		Response response = request.apply(api);

		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).startsWith("urn:streamplane:problem:");
		assertThat(response.json().path("status").asInt()).isEqualTo(status);
		assertThat(response.json().path("detail").asString()).isNotBlank();
		assertThat(response.body()).as(response.toString()).contains(named);
	}

	@Test
	void shouldListEveryProblemOfASpecWithItsPath() {
		Response response = api.post("/api/v1/pipelines/validate", YAML, """
				name: Bad_Name
				sources:
				  clicks:
				    kafka: { topic: clicks }
				    lateness: soon
				transforms:
				  valid:
				    from: clickz
				    steps:
				      - filter: "user_id !="
				outputs:
				  - { from: valid, kafka: { topic: out } }
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("errors")).extracting(error -> error.path("path").asString())
			.contains("name", "sources.clicks.lateness", "transforms.valid.from", "transforms.valid.steps[0].filter");
	}

	private static String windowSpec(String window) {
		return """
				name: windowed
				sources:
				  clicks:
				    kafka: { topic: clicks-in }
				transforms:
				  counts:
				    from: clicks
				    steps:
				      - keyBy: user_id
				      - window: { %s }
				        aggregate: { clicks: "count()" }
				outputs:
				  - { from: counts, kafka: { topic: clicks-out } }
				""".formatted(window);
	}

	private static Arguments bad(String name, int status, String named, Function<ApiClient, Response> request) {
		return argumentSet(name, request, status, named);
	}

}
