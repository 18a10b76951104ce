package io.streamplane.benchmarks.index;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import io.streamplane.benchmarks.harness.Progress;
import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.embed.Embedders;

/**
 * Embedding throughput on the same chunks in the same JVM, rounds alternating: (a) the batched in-process
 * embedder ({@link Embedders#create} with the in-process provider: one ONNX run per batch), (b) LangChain4j's
 * {@link AllMiniLmL6V2EmbeddingModel} as it comes ({@code embedAll}: one ONNX run per text on its default pool of
 * one thread per core), (c) the batched embedder with the int8-quantized model ({@code all-minilm-l6-v2-q}). Each
 * variant embeds the whole sample once to warm up, then once per round.
 */
final class EmbeddingThroughput {

	/** One variant's chunks per second, round by round. */
	record Runs(String variant, List<Double> chunksPerSecond) {

		double median() {
			List<Double> sorted = chunksPerSecond.stream().sorted().toList();
			int n = sorted.size();
			return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		}

	}

	private EmbeddingThroughput() {
	}

	static List<Runs> measure(List<String> chunks, int rounds, int batchSize, int threads) {
		List<TextSegment> segments = chunks.stream().map(TextSegment::from).toList();
		Runs batched = new Runs("batched in-process (runs of up to " + batchSize + " texts and 256 tokens, " + threads
				+ " at once)", new ArrayList<>());
		Runs langChain4j = new Runs("LangChain4j AllMiniLmL6V2EmbeddingModel.embedAll (default)", new ArrayList<>());
		Runs quantized = new Runs("batched in-process, int8-quantized model (all-minilm-l6-v2-q)", new ArrayList<>());
		try (Embedder embedder = Embedders.create(IndexBenchmark.inProcess(batchSize, threads));
				Embedder quantizedEmbedder = Embedders.create(
						IndexBenchmark.inProcess(batchSize, threads).withModel(IndexBenchmark.QUANTIZED))) {
			AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
			Runnable ours = () -> embedder.embedAll(chunks);
			Runnable theirs = () -> model.embedAll(segments);
			Runnable ourQuantized = () -> quantizedEmbedder.embedAll(chunks);
			time("warm-up batched", chunks.size(), ours);
			time("warm-up LangChain4j", chunks.size(), theirs);
			time("warm-up batched quantized", chunks.size(), ourQuantized);
			for (int round = 1; round <= rounds; round++) {
				batched.chunksPerSecond().add(time("round " + round + " batched", chunks.size(), ours));
				langChain4j.chunksPerSecond().add(time("round " + round + " LangChain4j", chunks.size(), theirs));
				quantized.chunksPerSecond()
					.add(time("round " + round + " batched quantized", chunks.size(), ourQuantized));
			}
		}
		return List.of(batched, langChain4j, quantized);
	}

	private static double time(String what, int count, Runnable work) {
		long started = System.nanoTime();
		work.run();
		double perSecond = count / ((System.nanoTime() - started) / 1e9);
		Progress.log(String.format("%s: %,d chunks at %,.0f chunks/s", what, count, perSecond));
		return perSecond;
	}

}
