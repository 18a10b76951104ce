package io.streamplane.rag.embed;

import java.util.List;

/**
 * An {@link Embedder} that can tell how many tokens its model reads from texts, as reported in the {@code usage}
 * of {@code /v1/embeddings}.
 */
public interface TokenCounter {

	/** The tokens the model reads from all {@code texts} (after its truncation), special tokens excluded. */
	long countTokens(List<String> texts);

}
