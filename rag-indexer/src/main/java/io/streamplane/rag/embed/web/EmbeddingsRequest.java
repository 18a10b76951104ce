package io.streamplane.rag.embed.web;

import tools.jackson.databind.JsonNode;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /v1/embeddings}, as OpenAI's API defines it.
 *
 * @param input one text or an array of texts (token arrays are not accepted)
 * @param model the model to use; when present it must be the served model
 * @param encodingFormat {@code float} (default) or {@code base64} (little-endian float32, as OpenAI's clients ask)
 * @param dimensions when present, must equal the served model's dimensions
 * @param user OpenAI's end-user id; accepted and ignored
 */
record EmbeddingsRequest(JsonNode input, String model, @JsonProperty("encoding_format") String encodingFormat,
		Integer dimensions, String user) {
}
