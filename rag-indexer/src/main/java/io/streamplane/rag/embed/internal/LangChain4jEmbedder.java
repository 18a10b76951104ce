package io.streamplane.rag.embed.internal;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.embed.EmbeddingException;

/**
 * An {@link Embedder} over a LangChain4j {@link EmbeddingModel}; by default the in-process all-MiniLM-L6-v2
 * (ONNX, the model ships in its jar, nothing is downloaded). LangChain4j embeds one text per ONNX call.
 */
public final class LangChain4jEmbedder implements Embedder {

	private final EmbeddingModel model;

	private final String name;

	private final int dimensions;

	/** The default model: in-process all-MiniLM-L6-v2, 384 dimensions. */
	public static LangChain4jEmbedder allMiniLmL6V2() {
		return new LangChain4jEmbedder(new AllMiniLmL6V2EmbeddingModel(), "all-MiniLM-L6-v2", 384);
	}

	LangChain4jEmbedder(EmbeddingModel model, String name, int dimensions) {
		this.model = model;
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

	@Override
	public List<float[]> embedAll(List<String> texts) {
		try {
			return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
				.map(Embedding::vector).toList();
		}
		catch (RuntimeException ex) {
			throw EmbeddingException.permanent("the model " + name + " failed: " + ex.getMessage(), ex);
		}
	}

}
