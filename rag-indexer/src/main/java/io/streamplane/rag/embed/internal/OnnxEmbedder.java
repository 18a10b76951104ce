package io.streamplane.rag.embed.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;

import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.embed.EmbeddingException;

/**
 * A BERT sentence embedder in this process that batches across texts: the texts of one {@link #embedAll} call are
 * tokenized together, sorted by length, cut into batches of {@code batchSize}, each batch padded to its longest
 * text and run through ONNX Runtime once, then mean-pooled over the attention mask and L2-normalised.
 *
 * <p>
 * LangChain4j's in-process models run one ONNX session call of shape {@code [1, n]} per text on a pool of one
 * thread per core, each call itself using every core; here one call embeds a whole batch on
 * {@code threads} intra-op threads. Vectors equal LangChain4j's for the same model (cosine above 0.999):
 * same tokenizer file, same options, hence the same truncation. For all-MiniLM-L6-v2 that tokenizer file
 * truncates at 128 tokens (126 word pieces), so LangChain4j's 510-token partitioning of long texts never takes
 * effect and a longer text is embedded from its first 126 word pieces, here as there.
 */
public final class OnnxEmbedder implements Embedder {

	private final OnnxModelFiles files;

	private final int batchSize;

	private final OrtEnvironment environment;

	private final OrtSession session;

	private final boolean takesTypeIds;

	private final HuggingFaceTokenizer tokenizer;

	private OnnxEmbedder(OnnxModelFiles files, int batchSize, int threads) {
		if (batchSize < 1 || threads < 1) {
			throw new IllegalArgumentException(
					"batch size and threads must be at least 1, got batch size " + batchSize + ", threads " + threads);
		}
		this.files = files;
		this.batchSize = batchSize;
		this.environment = OrtEnvironment.getEnvironment();
		this.session = createSession(environment, files, threads);
		this.takesTypeIds = session.getInputNames().contains("token_type_ids");
		this.tokenizer = loadTokenizer(files);
	}

	/**
	 * all-MiniLM-L6-v2 (384 dimensions) from the LangChain4j model artifact on the class path.
	 *
	 * @param batchSize texts per ONNX run, at least 1
	 * @param threads ONNX Runtime intra-op threads, at least 1 (one per core the embedder may use)
	 */
	public static OnnxEmbedder allMiniLmL6V2(int batchSize, int threads) {
		return new OnnxEmbedder(OnnxModelFiles.ALL_MINILM_L6_V2, batchSize, threads);
	}

	@Override
	public String model() {
		return files.name();
	}

	@Override
	public int dimensions() {
		return files.dimensions();
	}

	@Override
	public List<float[]> embedAll(List<String> texts) {
		if (texts.isEmpty()) {
			return List.of();
		}
		Encoding[] encodings = tokenizer.batchEncode(texts);
		Integer[] byLength = IntStream.range(0, encodings.length).boxed().toArray(Integer[]::new);
		Arrays.sort(byLength, Comparator.comparingInt((Integer i) -> encodings[i].getIds().length).reversed());
		float[][] vectors = new float[texts.size()][];
		for (int from = 0; from < byLength.length; from += batchSize) {
			Integer[] rows = Arrays.copyOfRange(byLength, from, Math.min(from + batchSize, byLength.length));
			long[][] sequences = new long[rows.length][];
			for (int r = 0; r < rows.length; r++) {
				sequences[r] = encodings[rows[r]].getIds();
			}
			float[][] batch = run(TokenizedBatch.of(sequences));
			for (int r = 0; r < rows.length; r++) {
				vectors[rows[r]] = batch[r];
			}
		}
		return Arrays.asList(vectors);
	}

	/** Texts per ONNX run. */
	public int batchSize() {
		return batchSize;
	}

	private float[][] run(TokenizedBatch batch) {
		long[] shape = batch.shape();
		try (OnnxTensor ids = OnnxTensor.createTensor(environment, batch.ids(), shape);
				OnnxTensor mask = OnnxTensor.createTensor(environment, batch.mask(), shape);
				OnnxTensor typeIds = OnnxTensor.createTensor(environment, batch.typeIds(), shape)) {
			Map<String, OnnxTensor> inputs = takesTypeIds
					? Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", typeIds)
					: Map.of("input_ids", ids, "attention_mask", mask);
			try (OrtSession.Result result = session.run(inputs)) {
				OnnxTensor hidden = (OnnxTensor) result.get(0);
				return MeanPooling.pool(hidden.getFloatBuffer(), batch, files.dimensions());
			}
		}
		catch (OrtException ex) {
			throw EmbeddingException.permanent("model " + files.name() + " failed on a batch of " + batch.rows()
					+ " texts of up to " + batch.length() + " tokens: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		tokenizer.close();
		try {
			session.close();
		}
		catch (OrtException ex) {
			throw EmbeddingException.permanent("could not close model " + files.name(), ex);
		}
	}

	private static OrtSession createSession(OrtEnvironment environment, OnnxModelFiles files, int threads) {
		try (SessionOptions options = new SessionOptions()) {
			options.setIntraOpNumThreads(threads);
			options.setInterOpNumThreads(1);
			options.setExecutionMode(ExecutionMode.SEQUENTIAL);
			options.setOptimizationLevel(OptLevel.ALL_OPT);
			return environment.createSession(files.modelBytes(), options);
		}
		catch (OrtException ex) {
			throw EmbeddingException.permanent("could not load model " + files.name() + ": " + ex.getMessage(), ex);
		}
	}

	private static HuggingFaceTokenizer loadTokenizer(OnnxModelFiles files) {
		try (InputStream in = files.openTokenizer()) {
			return HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
		}
		catch (IOException ex) {
			throw EmbeddingException.permanent("could not read the tokenizer of model " + files.name(), ex);
		}
	}

}
