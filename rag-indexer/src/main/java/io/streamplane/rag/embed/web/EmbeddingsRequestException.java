package io.streamplane.rag.embed.web;

/** A {@code /v1/embeddings} request the endpoint will not serve: a 400 with every reason in its message. */
final class EmbeddingsRequestException extends RuntimeException {

	EmbeddingsRequestException(String message) {
		super(message);
	}

}
