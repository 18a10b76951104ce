package io.streamplane.rag.embed;

import java.util.List;

import io.streamplane.rag.embed.internal.OnnxEmbedder;
import io.streamplane.rag.embed.internal.OpenAiEmbedder;

/** Creates the {@link Embedder} that a configuration names. */
public final class Embedders {

	private Embedders() {
	}

	/**
	 * The embedder of {@code properties}: the batched in-process all-MiniLM-L6-v2 (float32 or int8-quantized), or
	 * an OpenAI-compatible remote service.
	 *
	 * @throws EmbeddingException (permanent) listing every problem of the configuration, or when the in-process
	 * model cannot load
	 */
	public static Embedder create(EmbeddingProperties properties) {
		List<String> problems = properties.problems();
		if (!problems.isEmpty()) {
			throw EmbeddingException.permanent("invalid embedding configuration: " + String.join("; ", problems),
					null);
		}
		return switch (properties.provider()) {
			case IN_PROCESS -> switch (properties.inProcessModel()) {
				case ALL_MINILM_L6_V2 -> OnnxEmbedder.allMiniLmL6V2(properties.batchSize(), properties.effectiveThreads());
				case ALL_MINILM_L6_V2_Q -> OnnxEmbedder.allMiniLmL6V2Quantized(properties.batchSize(),
						properties.effectiveThreads());
			};
			case OPENAI -> new OpenAiEmbedder(properties);
		};
	}

}
