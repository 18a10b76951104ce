package io.streamplane.rag.embed.web;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.embed.TokenCounter;

/**
 * {@code POST /v1/embeddings}: OpenAI's embeddings API over the index's own {@link Embedder}, so OpenAI clients
 * (LangChain's {@code OpenAIEmbeddings}, LlamaIndex, the {@code openai} package) embed queries with the model the
 * index was built with. Requests are bounded: at most {@code maxInputs} texts of at most {@code maxInputChars}
 * characters each.
 */
@RestController
public class EmbeddingsController {

	private final Embedder embedder;

	private final int maxInputs;

	private final int maxInputChars;

	/**
	 * @param embedder the model that answers
	 * @param maxInputs most texts per request
	 * @param maxInputChars most characters per text
	 */
	public EmbeddingsController(Embedder embedder, int maxInputs, int maxInputChars) {
		this.embedder = embedder;
		this.maxInputs = maxInputs;
		this.maxInputChars = maxInputChars;
	}

	@PostMapping(path = "/v1/embeddings", produces = MediaType.APPLICATION_JSON_VALUE)
	EmbeddingsResponse embeddings(@RequestBody EmbeddingsRequest request) {
		List<String> texts = validate(request);
		List<float[]> vectors = embedder.embedAll(texts);
		boolean base64 = "base64".equals(request.encodingFormat());
		List<EmbeddingsResponse.Item> data = new ArrayList<>(vectors.size());
		for (int i = 0; i < vectors.size(); i++) {
			data.add(new EmbeddingsResponse.Item(i, base64 ? base64(vectors.get(i)) : vectors.get(i)));
		}
		long tokens = embedder instanceof TokenCounter counter ? counter.countTokens(texts) : 0;
		return new EmbeddingsResponse(data, embedder.model(), new EmbeddingsResponse.Usage(tokens, tokens));
	}

	private List<String> validate(EmbeddingsRequest request) {
		List<String> problems = new ArrayList<>();
		List<String> texts = texts(request.input(), problems);
		if (request.model() != null && !request.model().equalsIgnoreCase(embedder.model())) {
			problems.add("model '" + request.model() + "' is not served here; use '" + embedder.model()
					+ "' (the model of the index) or leave model out");
		}
		String format = request.encodingFormat();
		if (format != null && !format.equals("float") && !format.equals("base64")) {
			problems.add("encoding_format '" + format + "' is not supported; use float or base64");
		}
		if (request.dimensions() != null && request.dimensions() != embedder.dimensions()) {
			problems.add("dimensions " + request.dimensions() + " is not available; " + embedder.model()
					+ " has " + embedder.dimensions() + " (or leave dimensions out)");
		}
		if (!problems.isEmpty()) {
			throw new EmbeddingsRequestException(String.join("; ", problems));
		}
		return texts;
	}

	private List<String> texts(JsonNode input, List<String> problems) {
		if (input == null || input.isNull() || input.isMissingNode()) {
			problems.add("input is required: a string or an array of strings");
			return List.of();
		}
		if (input.isString()) {
			checkLength(input.asString(), "input", problems);
			return List.of(input.asString());
		}
		if (!input.isArray() || input.isEmpty()) {
			problems.add("input must be a string or a non-empty array of strings, got " + kind(input));
			return List.of();
		}
		if (input.size() > maxInputs) {
			problems.add("input has " + input.size() + " texts; at most " + maxInputs + " per request");
			return List.of();
		}
		List<String> texts = new ArrayList<>(input.size());
		for (int i = 0; i < input.size(); i++) {
			JsonNode text = input.get(i);
			if (!text.isString()) {
				problems.add("input[" + i + "] must be a string, got " + kind(text)
						+ " (token arrays are not supported: send the text)");
				continue;
			}
			checkLength(text.asString(), "input[" + i + "]", problems);
			texts.add(text.asString());
		}
		return texts;
	}

	private void checkLength(String text, String path, List<String> problems) {
		if (text.length() > maxInputChars) {
			problems.add(path + " has " + text.length() + " characters; at most " + maxInputChars
					+ " (the model reads only its first 128 tokens anyway: chunk long texts)");
		}
	}

	private static String kind(JsonNode node) {
		return node.getNodeType().name().toLowerCase(Locale.ROOT);
	}

	private static String base64(float[] vector) {
		ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		bytes.asFloatBuffer().put(vector);
		return Base64.getEncoder().encodeToString(bytes.array());
	}

}
