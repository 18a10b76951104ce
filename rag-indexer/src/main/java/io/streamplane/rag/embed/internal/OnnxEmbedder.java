package io.streamplane.rag.embed.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
import io.streamplane.rag.embed.TokenCounter;

/**
 * A BERT sentence embedder in this process that batches across texts: the texts of one {@link #embedAll} call are
 * tokenized together, sorted by length, cut into batches of at most {@code batchSize} (and into two batches per
 * thread when there are enough texts, see {@link #rowsPerBatch}) and of at most {@link #RUN_TOKENS} tokens, each
 * batch padded to its longest text and run through ONNX Runtime once, then mean-pooled over the attention mask and
 * L2-normalised. Up to {@code threads} batches run at once, longest texts first, each on a single ONNX Runtime
 * thread that does not spin.
 *
 * <p>
 * LangChain4j's in-process models run one ONNX session call of shape {@code [1, n]} per text on a pool of one
 * thread per core, each call itself using every core through a spinning intra-op pool: cores are oversubscribed
 * and every operator ends at a barrier, which costs most when other processes share the cores. Here a batch
 * never waits for another thread. Vectors equal LangChain4j's for the same model (cosine above 0.999):
 * same tokenizer file, same options, hence the same truncation. For all-MiniLM-L6-v2 that tokenizer file
 * truncates at 128 tokens (126 word pieces), so LangChain4j's 510-token partitioning of long texts never takes
 * effect and a longer text is embedded from its first 126 word pieces, here as there.
 */
public final class OnnxEmbedder implements Embedder, TokenCounter {

	/**
	 * The most tokens (rows times padded length) of one ONNX run: its activations (12 heads of attention scores,
	 * the 1,536-wide feed-forward layer) then stay in a core's cache. Larger runs cost more CPU per text, not less:
	 * per text, one thread, texts of real documentation, runs of 2 paragraphs (about 100 tokens each) took 41%
	 * less CPU than runs of 32 on the int8 model and 24% less on the float one (docs/benchmarks.md, session 17).
	 */
	static final int RUN_TOKENS = 256;

	private final OnnxModelFiles files;

	private final int batchSize;

	private final OrtEnvironment environment;

	private final OrtSession session;

	private final boolean takesTypeIds;

	private final HuggingFaceTokenizer tokenizer;

	private final int threads;

	private final ExecutorService pool;

	/**
	 * Session calls hold the read lock, {@link #close()} the write lock: the native session is never freed
	 * while a call runs in it (a call is not interruptible; freeing under it crashed the JVM).
	 */
	private final ReadWriteLock inUse = new ReentrantReadWriteLock();

	private boolean closed;

	private OnnxEmbedder(OnnxModelFiles files, int batchSize, int threads) {
		if (batchSize < 1 || threads < 1) {
			throw new IllegalArgumentException(
					"batch size and threads must be at least 1, got batch size " + batchSize + ", threads " + threads);
		}
		this.files = files;
		this.batchSize = batchSize;
		this.threads = threads;
		this.environment = OrtEnvironment.getEnvironment();
		this.session = createSession(environment, files);
		this.takesTypeIds = session.getInputNames().contains("token_type_ids");
		this.tokenizer = loadTokenizer(files);
		this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, Thread.ofPlatform()
			.daemon()
			.name("streamplane-embed-", 1)
			.factory());
	}

	/**
	 * all-MiniLM-L6-v2 (384 dimensions) from the LangChain4j model artifact on the class path.
	 *
	 * @param batchSize most texts per ONNX run, at least 1
	 * @param threads batches run at once, each on one thread, at least 1 (one per core the embedder may use)
	 */
	public static OnnxEmbedder allMiniLmL6V2(int batchSize, int threads) {
		return new OnnxEmbedder(OnnxModelFiles.ALL_MINILM_L6_V2, batchSize, threads);
	}

	/**
	 * all-MiniLM-L6-v2 quantized to int8 (384 dimensions, named {@code all-MiniLM-L6-v2-q}) from the LangChain4j
	 * model artifact on the class path: same tokenizer, faster on CPUs, vectors close to the float model's but not
	 * equal (docs/embeddings.md).
	 *
	 * @param batchSize most texts per ONNX run, at least 1
	 * @param threads batches run at once, each on one thread, at least 1
	 */
	public static OnnxEmbedder allMiniLmL6V2Quantized(int batchSize, int threads) {
		return new OnnxEmbedder(OnnxModelFiles.ALL_MINILM_L6_V2_Q, batchSize, threads);
	}

	@Override
	public String model() {
		return files.name();
	}

	@Override
	public int dimensions() {
		return files.dimensions();
	}

	/** Where the model's tokenizer.json truncates: 128 tokens for all-MiniLM-L6-v2, both variants. */
	@Override
	public int maxInputTokens() {
		return files.maxTokens();
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
		List<Runnable> batches = new ArrayList<>();
		for (int from = 0; from < byLength.length;) {
			int to = Math.min(from + rowsPerRun(encodings[byLength[from]].getIds().length, texts.size()),
					byLength.length);
			Integer[] rows = Arrays.copyOfRange(byLength, from, to);
			batches.add(() -> embedBatch(rows, encodings, vectors));
			from = to;
		}
		runAll(batches);
		return Arrays.asList(vectors);
	}

	/**
	 * Rows of the ONNX run whose longest text has {@code longest} tokens, in a call of {@code texts} texts: at most
	 * {@link #rowsPerBatch}, and at most {@link #RUN_TOKENS} tokens in all once padded (at least one row).
	 */
	int rowsPerRun(int longest, int texts) {
		return Math.min(rowsPerBatch(texts), Math.max(1, RUN_TOKENS / longest));
	}

	/**
	 * Rows of each batch: at most the batch size, and with more than one thread, two batches per thread when there
	 * are at least two texts for each (else one batch per thread). Batches run longest texts first, each on the
	 * next free thread, so the threads end together: with one batch per thread the thread of the longest texts ran on alone (on the
	 * freshness benchmark's texts, 16 texts in 2 batches took 11.6% more wall time than an even split, in 4 batches
	 * 6.1%, docs/benchmarks.md, session 15), and batches of 2 or more texts cost no more CPU per text than larger
	 * ones.
	 */
	int rowsPerBatch(int texts) {
		int perThreads = threads == 1 ? 1 : Math.max(Math.min(threads, texts), Math.min(2 * threads, texts / 2));
		int batches = Math.max(perThreads, (texts + batchSize - 1) / batchSize);
		return (texts + batches - 1) / batches;
	}

	private void embedBatch(Integer[] rows, Encoding[] encodings, float[][] vectors) {
		long[][] sequences = new long[rows.length][];
		for (int r = 0; r < rows.length; r++) {
			sequences[r] = encodings[rows[r]].getIds();
		}
		float[][] batch = run(TokenizedBatch.of(sequences));
		for (int r = 0; r < rows.length; r++) {
			vectors[rows[r]] = batch[r];
		}
	}

	private void runAll(List<Runnable> batches) {
		if (pool == null || batches.size() == 1) {
			batches.forEach(Runnable::run);
			return;
		}
		List<Future<?>> running = batches.stream().<Future<?>>map(pool::submit).toList();
		try {
			for (Future<?> batch : running) {
				batch.get();
			}
		}
		catch (InterruptedException ex) {
			running.forEach(batch -> batch.cancel(false));
			Thread.currentThread().interrupt();
			throw EmbeddingException.retriable("interrupted while embedding", ex);
		}
		catch (ExecutionException ex) {
			running.forEach(batch -> batch.cancel(false));
			throw ex.getCause() instanceof EmbeddingException failure ? failure
					: EmbeddingException.permanent("model " + files.name() + " failed: " + ex.getCause(), ex.getCause());
		}
	}

	@Override
	public long countTokens(List<String> texts) {
		long tokens = 0;
		for (String text : texts) {
			tokens += tokenizer.encode(text).getIds().length - 2;
		}
		return tokens;
	}

	private float[][] run(TokenizedBatch batch) {
		inUse.readLock().lock();
		try {
			if (closed) {
				throw EmbeddingException.permanent("model " + files.name() + " is closed (the role is stopping)", null);
			}
			return runOpen(batch);
		}
		finally {
			inUse.readLock().unlock();
		}
	}

	private float[][] runOpen(TokenizedBatch batch) {
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
		if (pool != null) {
			pool.shutdownNow();
		}
		inUse.writeLock().lock();
		try {
			if (closed) {
				return;
			}
			closed = true;
			tokenizer.close();
			session.close();
		}
		catch (OrtException ex) {
			throw EmbeddingException.permanent("could not close model " + files.name(), ex);
		}
		finally {
			inUse.writeLock().unlock();
		}
	}

	private static OrtSession createSession(OrtEnvironment environment, OnnxModelFiles files) {
		try (SessionOptions options = new SessionOptions()) {
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.setExecutionMode(ExecutionMode.SEQUENTIAL);
			options.setOptimizationLevel(OptLevel.ALL_OPT);
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
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
