package io.streamplane.rag.embed.internal;

import java.util.List;
import java.util.function.Supplier;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.embed.EmbeddingException;

/**
 * An {@link Embedder} over a LangChain4j {@link EmbeddingModel}; by default the in-process all-MiniLM-L6-v2
 * (ONNX, the model ships in its jar, nothing is downloaded; loaded on first use, so a process
 * whose pipelines have no index never loads it). LangChain4j embeds one text per ONNX call.
 */
public final class LangChain4jEmbedder implements Embedder {

	private final Supplier<EmbeddingModel> models;

	private volatile EmbeddingModel model;

	private final String name;

	private final int dimensions;

	/** The default model: in-process all-MiniLM-L6-v2, 384 dimensions, loaded on the first embedding. */
	public static LangChain4jEmbedder allMiniLmL6V2() {
		return new LangChain4jEmbedder(AllMiniLmL6V2EmbeddingModel::new, "all-MiniLM-L6-v2", 384);
	}

	LangChain4jEmbedder(Supplier<EmbeddingModel> models, String name, int dimensions) {
		this.models = models;
		this.name = name;
		this.dimensions = dimensions;
	}

	@Override
	public String model() {
		return name;
	}

	@Override
	public int dimensions() {
		return dimensions;
	}

	private EmbeddingModel loaded() {
		EmbeddingModel loaded = model;
		if (loaded == null) {
			synchronized (this) {
				loaded = model;
				if (loaded == null) {
					loaded = models.get();
					model = loaded;
				}
			}
		}
		return loaded;
	}

	@Override
	public List<float[]> embedAll(List<String> texts) {
		try {
			return loaded().embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
				.map(Embedding::vector).toList();
		}
		catch (RuntimeException ex) {
			throw EmbeddingException.permanent("the model " + name + " failed: " + ex.getMessage(), ex);
		}
	}

}
