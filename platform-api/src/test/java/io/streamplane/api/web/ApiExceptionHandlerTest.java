package io.streamplane.api.web;

import io.streamplane.engine.preview.PreviewException;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every failure of the REST API is an RFC 9457 problem of one {@link ProblemType}: what the
 * {@link ApiExceptionHandler} makes of each kind of failure, through a controller that fails on purpose.
 */
class ApiExceptionHandlerTest {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
		.setControllerAdvice(new ApiExceptionHandler())
		.build();

	@Test
	void shouldListEverySpecProblemWithItsPath() throws Exception {
		mvc.perform(get("/fail/spec"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:invalid-spec"))
			.andExpect(jsonPath("$.title").value("Invalid pipeline spec"))
			.andExpect(jsonPath("$.errors[*].path").value(hasItems("name")));
	}

	@Test
	void shouldNameTheBadFieldOfAnInvalidRequest() throws Exception {
		mvc.perform(get("/fail/request"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].path").value("limit"))
			.andExpect(jsonPath("$.errors[0].message").value("must be 1 to 100, got 0"));
	}

	@Test
	void shouldAnswerAPreviewThatCannotRunAsAnInvalidRequest() throws Exception {
		mvc.perform(get("/fail/preview"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:invalid-request"))
			.andExpect(jsonPath("$.detail").value("no source reads topic 'paymnets'"));
	}

	@Test
	void shouldHideTheInternalsOfAnUnexpectedFailure() throws Exception {
		mvc.perform(get("/fail/bug"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:internal"))
			.andExpect(jsonPath("$.detail").value(not(containsString("secret"))));
	}

	@Test
	void shouldTypeTheProblemsSpringMvcRaisesItself() throws Exception {
		mvc.perform(delete("/fail/spec"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:method-not-allowed"));
		mvc.perform(post("/fail/body").contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:invalid-request"))
			.andExpect(jsonPath("$.detail").value(containsString("missing or unreadable")));
		mvc.perform(post("/fail/body").contentType(MediaType.APPLICATION_XML).content("<a/>"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:unsupported-media-type"))
			.andExpect(jsonPath("$.detail").value(containsString("application/xml")));
	}

	@RestController
	static class Failing {

		@GetMapping("/fail/spec")
		String spec() {
			return new SpecReader().read("name: Bad Name\nsources: {}\n", SpecFormat.YAML).spec().name();
		}

		@GetMapping("/fail/request")
		String request() {
			throw InvalidRequestException.of("limit", "must be 1 to 100, got 0");
		}

		@GetMapping("/fail/preview")
		String preview() {
			throw new PreviewException("no source reads topic 'paymnets'");
		}

		@GetMapping("/fail/bug")
		String bug() {
			throw new IllegalStateException("secret internal state");
		}

		@PostMapping(path = "/fail/body", consumes = MediaType.APPLICATION_JSON_VALUE)
		String body(@RequestBody Payload payload) {
			return payload.name();
		}

		record Payload(String name) {
		}

	}

}
