package io.streamplane.rag.embed.web;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.streamplane.rag.embed.internal.OnnxEmbedder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class EmbeddingsControllerTest {

	private static final String TOKEN = "read-token-0123456789";

	private static OnnxEmbedder embedder;

	@BeforeAll
	static void loadModel() {
		embedder = OnnxEmbedder.allMiniLmL6V2(8, 2);
	}

	@AfterAll
	static void closeModel() {
		embedder.close();
	}

	@Test
	void shouldEmbedOneStringAsOpenAiDoes() throws Exception {
		embed(open(), "{\"input\": \"exactly once\", \"model\": \"all-MiniLM-L6-v2\"}").andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.object").value("list"))
			.andExpect(jsonPath("$.model").value("all-MiniLM-L6-v2"))
			.andExpect(jsonPath("$.data.length()").value(1))
			.andExpect(jsonPath("$.data[0].object").value("embedding"))
			.andExpect(jsonPath("$.data[0].index").value(0))
			.andExpect(jsonPath("$.data[0].embedding.length()").value(384))
			.andExpect(jsonPath("$.usage.prompt_tokens").value(2))
			.andExpect(jsonPath("$.usage.total_tokens").value(2));
	}

	@Test
	void shouldReturnTheModelsVectorsInInputOrderAsFloatsOrBase64() throws Exception {
		List<float[]> expected = embedder.embedAll(List.of("PostgreSQL", "Kafka Streams joins"));
		String body = embed(open(), "{\"input\": [\"PostgreSQL\", \"Kafka Streams joins\"]}").andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String base64 = embed(open(), "{\"input\": [\"PostgreSQL\", \"Kafka Streams joins\"], \"encoding_format\": \"base64\"}")
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		for (int i = 0; i < 2; i++) {
			List<Double> floats = JsonPath.read(body, "$.data[" + i + "].embedding");
			assertThat(floats.get(0)).isCloseTo(expected.get(i)[0], within(1e-6));
			assertThat(floats.get(383)).isCloseTo(expected.get(i)[383], within(1e-6));
			float[] decoded = decode(JsonPath.read(base64, "$.data[" + i + "].embedding"));
			assertThat(decoded).containsExactly(expected.get(i), within(1e-6f));
		}
	}

	@Test
	void shouldRejectRequestsOutsideTheBoundsWithAProblemThatSaysWhy() throws Exception {
		String tooMany = "{\"input\": [" + "\"a\",".repeat(EmbeddingsWebConfiguration.MAX_INPUTS) + "\"a\"]}";
		String tooLong = "{\"input\": [\"ok\", \"" + "x".repeat(EmbeddingsWebConfiguration.MAX_INPUT_CHARS + 1) + "\"]}";

		problem(embed(open(), tooMany), "input has 257 texts; at most 256 per request");
		problem(embed(open(), tooLong), "input[1] has 8193 characters; at most 8192");
		problem(embed(open(), "{\"input\": [[101, 2023]]}"), "input[0] must be a string, got array");
		problem(embed(open(), "{\"input\": []}"), "non-empty array of strings");
		problem(embed(open(), "{\"model\": \"all-MiniLM-L6-v2\"}"), "input is required");
		problem(embed(open(), "{\"input\": \"a\", \"model\": \"text-embedding-3-small\", \"dimensions\": 1536}"),
				"model 'text-embedding-3-small' is not served here");
		problem(embed(open(), "{\"input\": \"a\", \"dimensions\": 1536}"), "dimensions 1536 is not available");
		problem(embed(open(), "{\"input\": \"a\", \"encoding_format\": \"int8\"}"), "encoding_format 'int8'");
		problem(embed(open(), "{\"input\": "), "the body must be a JSON object");
	}

	@Test
	void shouldAskForTheReadTokenWhenOneIsSet() throws Exception {
		MockMvc guarded = mvc(EmbeddingsWebConfiguration.chain(TOKEN));
		String body = "{\"input\": \"a\"}";

		embed(guarded, body).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", ReadTokenFilter.CHALLENGE))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("streamplane.rag-indexer.read-token")));
		guarded.perform(post("/v1/embeddings").contentType(MediaType.APPLICATION_JSON).content(body)
			.header("Authorization", "Bearer wrong-token-0123456789"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("not the rag-indexer's read token")));
		guarded.perform(post("/v1/embeddings").contentType(MediaType.APPLICATION_JSON).content(body)
			.header("Authorization", "Bearer " + TOKEN)).andExpect(status().isOk());
	}

	@Test
	void shouldRefuseAReadTokenShorterThan16Characters() {
		assertThatThrownBy(() -> EmbeddingsWebConfiguration.chain("short"))
			.hasMessageContaining("streamplane.rag-indexer.read-token must be at least 16 characters");
	}

	private static MockMvc open() {
		return mvc(EmbeddingsWebConfiguration.chain(""));
	}

	private static MockMvc mvc(EmbeddingsSecurityFilterChain chain) {
		return MockMvcBuilders.standaloneSetup(new EmbeddingsController(embedder, EmbeddingsWebConfiguration.MAX_INPUTS,
				EmbeddingsWebConfiguration.MAX_INPUT_CHARS))
			.setControllerAdvice(new EmbeddingsExceptionHandler())
			.addFilters(new FilterChainProxy(chain))
			.build();
	}

	private static ResultActions embed(MockMvc mvc, String body) throws Exception {
		return mvc.perform(post("/v1/embeddings").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static void problem(ResultActions result, String detail) throws Exception {
		result.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:invalid-request"))
			.andExpect(jsonPath("$.detail").value(containsString(detail)));
	}

	private static float[] decode(String base64) {
		ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
		float[] vector = new float[bytes.remaining() / Float.BYTES];
		bytes.asFloatBuffer().get(vector);
		return vector;
	}

}
