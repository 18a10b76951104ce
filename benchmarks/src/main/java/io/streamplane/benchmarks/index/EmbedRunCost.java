package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.embed.Embedders;
import io.streamplane.rag.embed.EmbeddingProperties;

/**
 * CPU per text of the int8 in-process model against the texts per ONNX run: one embedding thread (ONNX runs on the
 * caller), texts of real documentation with a probe word in front as the freshness benchmark writes them, timed by
 * the thread's CPU time, so other processes on the cores move the figures less than they move wall time.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *   io.streamplane.benchmarks.index.EmbedRunCost 512 2      # texts per size, rounds
 * </pre>
 */
public final class EmbedRunCost {

	private static final int[] RUN_SIZES = { 1, 2, 4, 8, 16, 32 };

	private EmbedRunCost() {
	}

	public static void main(String[] args) throws IOException {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 512;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
		List<String> chunks = DocCorpus.chunks(List.of(Path.of("/usr/share/doc")), count, 80);
		List<String> texts = IntStream.range(0, count).mapToObj(i -> "fq" + i + "z " + chunks.get(i))
			.toList();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		try (Embedder embedder = Embedders.create(EmbeddingProperties.defaults().withModel("all-minilm-l6-v2-q")
			.withBatchSize(RUN_SIZES[RUN_SIZES.length - 1]).withThreads(1))) {
			embedder.embedAll(texts.subList(0, Math.min(count, 256)));
			for (int round = 1; round <= rounds; round++) {
				for (int size : RUN_SIZES) {
					long cpu = threads.getCurrentThreadCpuTime();
					long wall = System.nanoTime();
					int embedded = 0;
					for (int from = 0; from + size <= count; from += size) {
						embedder.embedAll(texts.subList(from, from + size));
						embedded += size;
					}
					System.out.printf("round %d, %2d texts per run: %.2f core-ms per text (%.2f ms wall)%n", round, size,
							(threads.getCurrentThreadCpuTime() - cpu) / 1e6 / embedded,
							(System.nanoTime() - wall) / 1e6 / embedded);
				}
			}
		}
	}

}
