package io.streamplane.rag.embed;

import java.util.List;

/**
 * Turns texts into vectors for the vector index and the {@code /v1/embeddings} endpoint. Implementations
 * are thread-safe. The rag-indexer calls {@link #embedAll} with the chunks of many rows at once, so an
 * implementation batches them as its model allows.
 */
public interface Embedder extends AutoCloseable {

	/** The model's name as reported in statistics and {@code /v1/embeddings}, e.g. {@code all-MiniLM-L6-v2}. */
	String model();

	/** The length of every vector this embedder returns. */
	int dimensions();

	/**
	 * The most tokens of a text the model reads, special tokens included; words past them do not change the
	 * vector. {@link Integer#MAX_VALUE} when the embedder does not know its model's limit (a remote service).
	 */
	default int maxInputTokens() {
		return Integer.MAX_VALUE;
	}

	/**
	 * Embeds texts, in order: element {@code i} of the result is the L2-normalised vector of {@code texts.get(i)}.
	 *
	 * @param texts the texts, none null (an empty text gets a vector too)
	 * @return one vector of {@link #dimensions()} floats per text
	 * @throws EmbeddingException when the model or the remote service fails (classified retriable or not)
	 */
	List<float[]> embedAll(List<String> texts);

	@Override
	default void close() {
	}

}
