package io.streamplane.rag.embed.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code POST /v1/embeddings}, as OpenAI's API defines it.
 *
 * @param object always {@code list}
 * @param data one item per input, in input order
 * @param model the served model
 * @param usage tokens read
 */
record EmbeddingsResponse(String object, List<Item> data, String model, Usage usage) {

	EmbeddingsResponse(List<Item> data, String model, Usage usage) {
		this("list", data, model, usage);
	}

	/**
	 * One vector.
	 *
	 * @param object always {@code embedding}
	 * @param index position of the input
	 * @param embedding the vector: an array of floats, or a base64 string of little-endian float32
	 */
	record Item(String object, int index, Object embedding) {

		Item(int index, Object embedding) {
			this("embedding", index, embedding);
		}

	}

	/**
	 * Tokens read (unknown, 0, for a remote embedder that does not count them here).
	 *
	 * @param promptTokens tokens of the inputs
	 * @param totalTokens the same: embeddings have no completion tokens
	 */
	record Usage(@JsonProperty("prompt_tokens") long promptTokens, @JsonProperty("total_tokens") long totalTokens) {
	}

}
