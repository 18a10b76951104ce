package io.streamplane.app.controlplane;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.StreamplaneIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class PreviewIT extends StreamplaneIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String INPUTS = """
			[{"topic": "payments", "key": "u1", "value": {"id": 1, "amount": 200, "country": "US"}},
			 {"topic": "payments", "key": "u2", "value": {"id": 2, "amount": 1500, "country": "IN"}},
			 {"topic": "payments", "key": "u3", "value": {"id": 3, "amount": "lots", "country": "BR"}}]
			""";

	@LocalServerPort
	int port;

	private ApiClient anonymous;

	@BeforeEach
	void client() {
		anonymous = ApiClient.admin(port, ADMIN_TOKEN).withoutToken();
	}

	@Test
	void shouldRunTheSpecOverSampleRecordsAndDeadLetterTheBadOne() {
		ObjectNode request = JSON.createObjectNode();
		request.put("spec", ApiClient.example("topic-to-topic-enrichment.yaml"));
		request.set("inputs", JSON.readTree(INPUTS));

		Response response = anonymous.post("/api/v1/preview", "application/json", request.toString());

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode outputs = response.json().path("outputs").path("payments-enriched");
		assertThat(outputs).hasSize(2);
		assertThat(outputs.get(0).path("key").asString()).isEqualTo("u1");
		assertThat(outputs.get(0).path("value").path("is_high_value").asBoolean()).isFalse();
		assertThat(outputs.get(1).path("value").path("is_high_value").asBoolean()).isTrue();
		assertThat(outputs.get(1).path("value").has("country")).isFalse();
		JsonNode deadLetter = response.json().path("deadLetters").get(0);
		assertThat(deadLetter.path("key").asString()).isEqualTo("u3");
		assertThat(deadLetter.path("reason").asString()).contains("amount");
	}

	@Test
	void shouldRunTheSwaggerUiExampleAsItIs() {
		JsonNode example = anonymous.get("/v3/api-docs")
			.json()
			.at("/paths/~1api~1v1~1preview/post/requestBody/content/application~1json/examples/enrichment/value");

		Response response = anonymous.post("/api/v1/preview", "application/json", example.toString());

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("outputs").path("payments-enriched")).hasSize(2);
		assertThat(response.json().path("deadLetters")).hasSize(1);
	}

	@Test
	void shouldRunTheReactiveJoinSwaggerUiExampleAsAChangeStream() {
		JsonNode example = anonymous.get("/v3/api-docs")
			.json()
			.at("/paths/~1api~1v1~1preview/post/requestBody/content/application~1json/examples/reactive-join/value");

		Response response = anonymous.post("/api/v1/preview", "application/json", example.toString());

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("outputs").path("orders-with-customer"))
			.extracting(output -> output.path("value").path("op").asString() + output.path("value").path("tier").asString())
			.containsExactly("+gold", "-gold", "+platinum", "-platinum");
	}

	@Test
	void shouldNameEveryMalformedPartOfATableChange() {
		Response response = anonymous.post("/api/v1/preview", "application/json", """
				{"spec": "name: x", "inputs": [{"table": 7, "key": [1], "op": "remove"}, {"table": "t", "key": 1}]}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("errors")).extracting(error -> error.path("path").asString())
			.contains("inputs[0].table", "inputs[0].key", "inputs[0].op", "inputs[1]");
	}

	@Test
	void shouldNameEveryMalformedPartOfTheRequest() {
		Response response = anonymous.post("/api/v1/preview", "application/json", """
				{"spec": 42, "inputs": [{"topic": 7, "value": {}}, {"key": 1}, "x"], "extra": true}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors")).extracting(error -> error.path("path").asString())
			.contains("extra", "inputs[0].topic", "inputs[1].topic", "inputs[1].key", "inputs[1].value", "inputs[2]");
	}

	@Test
	void shouldRejectInputsForTopicsNoSourceReads() {
		ObjectNode request = JSON.createObjectNode();
		request.put("spec", ApiClient.example("topic-to-topic-enrichment.yaml"));
		request.set("inputs", JSON.readTree("[{\"topic\": \"paymnets\", \"value\": {\"id\": 1}}]"));

		Response response = anonymous.post("/api/v1/preview", "application/json", request.toString());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("detail").asString()).contains("paymnets");
	}

	@Test
	void shouldReportSpecProblemsWithTheirPaths() {
		Response response = anonymous.post("/api/v1/preview", "application/json",
				"{\"spec\": {\"name\": \"Bad\"}, \"inputs\": []}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("type").asString()).isEqualTo("urn:streamplane:problem:invalid-spec");
		assertThat(response.json().path("errors")).extracting(error -> error.path("path").asString()).contains("name");
	}

}
