package io.streamplane.rag.index;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.streamplane.rag.embed.Embedder;

/**
 * A deterministic stand-in for a model in unit tests: each lower-cased word adds one to a dimension chosen by its
 * hash, so texts sharing words are near. Counts the texts it embeds.
 */
final class WordHashEmbedder implements Embedder {

	final AtomicInteger texts = new AtomicInteger();

	private final String model;

	private final int maxInputTokens;

	WordHashEmbedder() {
		this("word-hash");
	}

	/** The same embedder under another model name (as a model change looks to the index). */
	WordHashEmbedder(String model) {
		this(model, Integer.MAX_VALUE);
	}

	/** The same embedder, reading at most {@code maxInputTokens} tokens of a text as a model would. */
	WordHashEmbedder(String model, int maxInputTokens) {
		this.model = model;
		this.maxInputTokens = maxInputTokens;
	}

	@Override
	public int maxInputTokens() {
		return maxInputTokens;
	}

	@Override
	public String model() {
		return model;
	}

	@Override
	public int dimensions() {
		return 64;
	}

	@Override
	public List<float[]> embedAll(List<String> batch) {
		texts.addAndGet(batch.size());
		return batch.stream().map(WordHashEmbedder::embed).toList();
	}

	private static float[] embed(String text) {
		float[] vector = new float[64];
		vector[0] = 0.01f;
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				vector[Math.floorMod(word.hashCode(), 64)] += 1;
			}
		}
		return vector;
	}

}
