package io.streamplane.api.web;

import java.util.Map;

import io.streamplane.api.ControlPlaneProperties;
import io.streamplane.engine.preview.PipelinePreview;
import io.streamplane.spec.SpecReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The preview and schema endpoints in a web slice (MockMvc over the real controllers, request reader, preview
 * runner and compiler, and the API's problem mapping; no server, no broker).
 */
class PreviewControllerTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SPEC = """
			name: enrichment
			sources:
			  payments:
			    kafka: { topic: payments, format: json }
			    fields: { id: int, amount: double }
			transforms:
			  enriched:
			    from: payments
			    steps:
			      - set: { is_high_value: "amount >= 1000" }
			outputs:
			  - { from: enriched, kafka: { topic: payments-enriched, format: json } }
			""";

	private final ControlPlaneProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
		.bindOrCreate("streamplane.control-plane", ControlPlaneProperties.class);

	private final PreviewRunner runner = new PreviewRunner(new PipelinePreview(), properties.preview());

	private final MockMvc mvc = MockMvcBuilders
		.standaloneSetup(new PreviewController(new PreviewRequests(new SpecReader(), JSON), runner),
				new SchemaController())
		.setControllerAdvice(new ApiExceptionHandler())
		.build();

	@BeforeEach
	void startPreviews() {
		runner.start();
	}

	@AfterEach
	void stopPreviews() {
		runner.stop();
	}

	@Test
	void shouldAnswerWhatThePipelineWouldWriteAndDeadLetterTheBadRecord() throws Exception {
		ObjectNode body = JSON.createObjectNode();
		body.put("spec", SPEC);
		body.set("inputs", JSON.readTree("""
				[{"topic": "payments", "key": "u1", "value": {"id": 1, "amount": 200}},
				 {"topic": "payments", "key": "u2", "value": {"id": 2, "amount": 1500}},
				 {"topic": "payments", "key": "u3", "value": {"id": 3, "amount": "lots"}}]
				"""));

		MvcResult started = mvc.perform(post("/api/v1/preview").contentType(MediaType.APPLICATION_JSON)
			.content(body.toString())).andExpect(request().asyncStarted()).andReturn();

		mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outputs['payments-enriched'].length()").value(2))
			.andExpect(jsonPath("$.outputs['payments-enriched'][0].key").value("u1"))
			.andExpect(jsonPath("$.outputs['payments-enriched'][0].value.is_high_value").value(false))
			.andExpect(jsonPath("$.outputs['payments-enriched'][1].value.is_high_value").value(true))
			.andExpect(jsonPath("$.deadLetters[0].key").value("u3"));
	}

	@Test
	void shouldAnswerAnInvalidSpecWithAProblemListingEveryPath() throws Exception {
		mvc.perform(post("/api/v1/preview").contentType(MediaType.APPLICATION_JSON)
			.content("{\"spec\": {\"name\": \"Bad\"}, \"inputs\": []}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:invalid-spec"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[*].path").value(hasItem("name")));
	}

	@Test
	void shouldNameEveryMalformedPartOfTheRequest() throws Exception {
		mvc.perform(post("/api/v1/preview").contentType(MediaType.APPLICATION_JSON)
			.content("{\"spec\": 42, \"inputs\": [{\"topic\": 7, \"value\": {}}], \"extra\": true}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[*].path")
				.value(hasItems("extra", "inputs[0].topic")));
	}

	@Test
	void shouldRejectABodyThatIsNotJsonNamingTheTypesItTakes() throws Exception {
		mvc.perform(post("/api/v1/preview").contentType(MediaType.TEXT_PLAIN).content("name: x"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:unsupported-media-type"))
			.andExpect(jsonPath("$.detail").value(containsString("application/json")));
	}

	@Test
	void shouldPublishThePipelineSchema() throws Exception {
		mvc.perform(get("/api/v1/schemas/pipeline"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/schema+json"))
			.andExpect(jsonPath("$.properties.sources").exists());
	}

}
