package io.streamplane.benchmarks.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.streamplane.benchmarks.harness.Progress;
import io.streamplane.rag.embed.Embedder;

/**
 * The corpus's vectors, embedded once and cached in a file keyed by the chunks' content, so later runs skip the
 * (long) embedding of 100,000 chunks. A cache whose chunk count or hash differs is ignored and rewritten.
 */
final class CorpusVectors {

	private static final int EMBED_SLICE = 2048;

	private CorpusVectors() {
	}

	static float[][] load(List<String> chunks, Embedder embedder, Path cacheDir) throws IOException {
		long hash = hash(chunks, embedder.model());
		Path cache = cacheDir.resolve("vectors-" + chunks.size() + "-" + Long.toHexString(hash) + ".bin");
		if (Files.isRegularFile(cache)) {
			Progress.log("Vectors of the corpus read from " + cache);
			return read(cache, chunks.size(), embedder.dimensions());
		}
		float[][] vectors = embed(chunks, embedder);
		Files.createDirectories(cacheDir);
		write(cache, vectors);
		Progress.log("Vectors of the corpus cached in " + cache);
		return vectors;
	}

	private static float[][] embed(List<String> chunks, Embedder embedder) {
		List<float[]> vectors = new ArrayList<>(chunks.size());
		long started = System.nanoTime();
		for (int from = 0; from < chunks.size(); from += EMBED_SLICE) {
			vectors.addAll(embedder.embedAll(chunks.subList(from, Math.min(from + EMBED_SLICE, chunks.size()))));
			double seconds = (System.nanoTime() - started) / 1e9;
			Progress.log(String.format("Embedded %,d of %,d corpus chunks (%,.0f chunks/s)", vectors.size(),
					chunks.size(), vectors.size() / seconds));
		}
		return vectors.toArray(float[][]::new);
	}

	private static long hash(List<String> chunks, String model) {
		long hash = model.hashCode();
		for (String chunk : chunks) {
			hash = hash * 1_000_003L + chunk.hashCode();
		}
		return hash;
	}

	private static float[][] read(Path file, int count, int dimensions) throws IOException {
		try (InputStream raw = Files.newInputStream(file);
				DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 20))) {
			float[][] vectors = new float[count][dimensions];
			for (float[] vector : vectors) {
				for (int d = 0; d < dimensions; d++) {
					vector[d] = in.readFloat();
				}
			}
			return vectors;
		}
	}

	private static void write(Path file, float[][] vectors) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try (OutputStream raw = Files.newOutputStream(partial);
				DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 20))) {
			for (float[] vector : vectors) {
				for (float v : vector) {
					out.writeFloat(v);
				}
			}
		}
		Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

}
