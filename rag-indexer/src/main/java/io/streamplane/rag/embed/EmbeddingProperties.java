package io.streamplane.rag.embed;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which model embeds the index's chunks ({@code streamplane.rag-indexer.embedding.*}): a nested record of the
 * rag-indexer role's properties, turned into an {@link Embedder} by {@link Embedders#create}.
 *
 * @param provider {@code in-process} (default: all-MiniLM-L6-v2 on ONNX Runtime in this JVM, 384 dimensions) or
 * {@code openai} (any OpenAI-compatible {@code POST /embeddings} service)
 * @param batchSize texts per model call: per ONNX run in process, per request to a remote service
 * @param threads batches the in-process model embeds at once, each on one thread; {@code 0}: one per available
 * processor
 * @param baseUrl the remote service's API root, e.g. {@code https://api.openai.com/v1}; {@code /embeddings} is
 * appended. Required for {@code openai}
 * @param model for {@code in-process}: {@code all-minilm-l6-v2} (default, float32) or {@code all-minilm-l6-v2-q}
 * (the same model quantized to int8: faster, vectors slightly different; see {@link InProcessModel}); for
 * {@code openai}: the remote model, e.g. {@code text-embedding-3-small}, required
 * @param dimensions length of the remote model's vectors (e.g. 1536); required for {@code openai}, checked on
 * every response
 * @param apiKey sent as {@code Authorization: Bearer <apiKey>} to the remote service when set; from configuration
 * only, never logged
 * @param timeout connect and response timeout of one remote request
 */
public record EmbeddingProperties(@DefaultValue("in-process") Provider provider, @DefaultValue("32") int batchSize,
		@DefaultValue("0") int threads, URI baseUrl, String model, Integer dimensions, String apiKey,
		@DefaultValue("30s") Duration timeout) {

	/** The prefix of the embedding properties. */
	public static final String PREFIX = "streamplane.rag-indexer.embedding";

	/** Largest batch accepted: OpenAI's limit of inputs per request. */
	public static final int MAX_BATCH_SIZE = 2048;

	/** Where embeddings are computed. */
	public enum Provider {

		/** all-MiniLM-L6-v2 on ONNX Runtime in this JVM. */
		IN_PROCESS,

		/** An OpenAI-compatible {@code POST /embeddings} service. */
		OPENAI

	}

	/** The models that run in process, by their configuration name. */
	public enum InProcessModel {

		/** all-MiniLM-L6-v2, float32 (90 MB): the default. */
		ALL_MINILM_L6_V2("all-minilm-l6-v2"),

		/** all-MiniLM-L6-v2 quantized to int8 (23 MB): faster on CPUs, vectors close to the float model's. */
		ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q");

		private final String configName;

		InProcessModel(String configName) {
			this.configName = configName;
		}

		/** The name {@code streamplane.rag-indexer.embedding.model} gives it. */
		public String configName() {
			return configName;
		}

		/** The model of this configuration name (case-insensitive), or {@code null} if none. */
		static InProcessModel named(String name) {
			for (InProcessModel model : values()) {
				if (model.configName.equalsIgnoreCase(name.strip())) {
					return model;
				}
			}
			return null;
		}

		static String allowed() {
			return Arrays.stream(values()).map(InProcessModel::configName).collect(Collectors.joining(", "));
		}

	}

	/** The defaults: the in-process model, batches of 32, one thread per processor. */
	public static EmbeddingProperties defaults() {
		return new EmbeddingProperties(Provider.IN_PROCESS, 32, 0, null, null, null, null, Duration.ofSeconds(30));
	}

	/** An OpenAI-compatible service at {@code baseUrl} (batches of 32, 30 s timeout). */
	public static EmbeddingProperties openAi(URI baseUrl, String model, int dimensions, String apiKey) {
		return new EmbeddingProperties(Provider.OPENAI, 32, 0, baseUrl, model, dimensions, apiKey,
				Duration.ofSeconds(30));
	}

	/** A copy with another model ({@link #model()}). */
	public EmbeddingProperties withModel(String model) {
		return new EmbeddingProperties(provider, batchSize, threads, baseUrl, model, dimensions, apiKey, timeout);
	}

	/** A copy with another batch size. */
	public EmbeddingProperties withBatchSize(int batchSize) {
		return new EmbeddingProperties(provider, batchSize, threads, baseUrl, model, dimensions, apiKey, timeout);
	}

	/** A copy with another number of in-process threads. */
	public EmbeddingProperties withThreads(int threads) {
		return new EmbeddingProperties(provider, batchSize, threads, baseUrl, model, dimensions, apiKey, timeout);
	}

	/** A copy with another remote timeout. */
	public EmbeddingProperties withTimeout(Duration timeout) {
		return new EmbeddingProperties(provider, batchSize, threads, baseUrl, model, dimensions, apiKey, timeout);
	}

	/**
	 * The in-process model {@link #model()} names: {@link InProcessModel#ALL_MINILM_L6_V2} when unset, {@code null}
	 * when it names none (a {@link #problems() problem}).
	 */
	public InProcessModel inProcessModel() {
		return model == null || model.isBlank() ? InProcessModel.ALL_MINILM_L6_V2 : InProcessModel.named(model);
	}

	/** The in-process threads to use: {@link #threads()}, or one per available processor when 0. */
	public int effectiveThreads() {
		return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * Texts this embedder works on at once: {@link #batchSize()} per thread in process, one batch per request to a
	 * remote service.
	 */
	public int textsAtOnce() {
		return provider == Provider.IN_PROCESS ? batchSize * effectiveThreads() : batchSize;
	}

	/**
	 * Every problem of this configuration, each naming its key, the bad value and what is allowed; empty when
	 * it is valid.
	 */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (provider == null) {
			problems.add(PREFIX + ".provider must be in-process or openai");
		}
		if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
			problems.add(PREFIX + ".batch-size is " + batchSize + "; allowed: 1 to " + MAX_BATCH_SIZE);
		}
		if (threads < 0 || threads > 256) {
			problems.add(PREFIX + ".threads is " + threads + "; allowed: 0 (one per processor) to 256");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			problems.add(PREFIX + ".timeout is " + timeout + "; must be positive, e.g. 30s");
		}
		if (provider == Provider.OPENAI) {
			problems.addAll(remoteProblems());
		}
		if (provider == Provider.IN_PROCESS && inProcessModel() == null) {
			problems.add(PREFIX + ".model is " + model + "; provider in-process allows " + InProcessModel.allowed()
					+ " (unset: " + InProcessModel.ALL_MINILM_L6_V2.configName() + ")");
		}
		return problems;
	}

	private List<String> remoteProblems() {
		List<String> problems = new ArrayList<>();
		if (baseUrl == null || !baseUrl.isAbsolute()
				|| !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
			problems.add(PREFIX + ".base-url is " + baseUrl
					+ "; provider openai needs the service's http(s) API root, e.g. https://api.openai.com/v1");
		}
		if (model == null || model.isBlank()) {
			problems.add(PREFIX + ".model is unset; provider openai needs the remote model, e.g. "
					+ "text-embedding-3-small");
		}
		if (dimensions == null || dimensions < 1) {
			problems.add(PREFIX + ".dimensions is " + dimensions
					+ "; provider openai needs the length of the model's vectors, e.g. 1536");
		}
		return problems;
	}

	/** Every component but the API key, which shows as {@code ******} when set. */
	@Override
	public String toString() {
		return "EmbeddingProperties[provider=" + provider + ", batchSize=" + batchSize + ", threads=" + threads
				+ ", baseUrl=" + baseUrl + ", model=" + model + ", dimensions=" + dimensions + ", apiKey="
				+ (apiKey == null || apiKey.isEmpty() ? "unset" : "******") + ", timeout=" + timeout + "]";
	}

}
