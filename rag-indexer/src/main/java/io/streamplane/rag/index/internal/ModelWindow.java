package io.streamplane.rag.index.internal;

import java.util.List;

import io.streamplane.rag.embed.Embedder;
import io.streamplane.spec.Chunking;

/**
 * Whether an index's chunks fit the text its embedding model reads. Chunk tokens are estimated (see
 * {@link io.streamplane.rag.chunk.Chunker}); the model reads {@link Embedder#maxInputTokens()} tokens, two of them
 * special ({@code [CLS]}, {@code [SEP]}), and words past them do not change a chunk's vector.
 */
public final class ModelWindow {

	/** Room left below the model's word pieces for the estimate's error, in the recommended {@code maxTokens}. */
	private static final int ESTIMATE_MARGIN = 6;

	private ModelWindow() {
	}

	/**
	 * The warnings of an index whose chunks may be longer than the model reads; none when they fit.
	 *
	 * @param chunking the index's chunking
	 * @param embedder the model that embeds its chunks
	 */
	public static List<String> warnings(Chunking chunking, Embedder embedder) {
		int window = embedder.maxInputTokens();
		if (window == Integer.MAX_VALUE || chunking.maxTokens() <= window - 2) {
			return List.of();
		}
		return List.of("chunking.maxTokens " + chunking.maxTokens() + " is more than model " + embedder.model()
				+ " reads (" + window + " tokens, " + (window - 2) + " of them text): words past them are not in a "
				+ "chunk's vector, only keyword search finds them; set chunking.maxTokens to at most "
				+ (window - 2 - ESTIMATE_MARGIN));
	}

}
