package io.streamplane.benchmarks.index;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import io.streamplane.benchmarks.harness.Progress;
import io.streamplane.rag.embed.Embedder;

/**
 * The corpus's vectors, cached between runs and embedded slice by slice: the cache holds the vectors of a prefix of
 * the chunk list, with a line per slice in a sidecar file that says how many chunks it covers and the hash of their
 * texts. A run reads the prefix whose hashes still match, embeds the rest within its time budget, appending each
 * slice as it goes, so an interrupted run loses at most one slice and the next one continues.
 */
final class CorpusVectors {

	static final int SLICE = 2048;

	private CorpusVectors() {
	}

	/**
	 * The vectors of the longest prefix of {@code chunks} that is cached or can be embedded before
	 * {@code deadlineNanos} ({@link System#nanoTime()}).
	 */
	static List<float[]> load(List<String> chunks, Embedder embedder, Path cacheDir, String key, long deadlineNanos)
			throws IOException {
		Files.createDirectories(cacheDir);
		Path vectorsFile = cacheDir.resolve("vectors-" + key + ".bin");
		Path slicesFile = cacheDir.resolve("vectors-" + key + ".slices");
		List<float[]> vectors = cached(chunks, embedder.dimensions(), vectorsFile, slicesFile);
		Progress.log(String.format("%,d of %,d corpus vectors read from %s", vectors.size(), chunks.size(), vectorsFile));
		long started = System.nanoTime();
		int embedded = 0;
		while (vectors.size() < chunks.size() && System.nanoTime() < deadlineNanos) {
			List<String> slice = chunks.subList(vectors.size(), Math.min(vectors.size() + SLICE, chunks.size()));
			List<float[]> sliceVectors = embedder.embedAll(slice);
			append(vectorsFile, sliceVectors);
			vectors.addAll(sliceVectors);
			Files.writeString(slicesFile, vectors.size() + " " + hash(chunks.subList(0, vectors.size())) + "\n",
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			embedded += slice.size();
			Progress.log(String.format("Embedded %,d of %,d corpus chunks (%,.0f chunks/s)", vectors.size(),
					chunks.size(), embedded / ((System.nanoTime() - started) / 1e9)));
		}
		return vectors;
	}

	private static List<float[]> cached(List<String> chunks, int dimensions, Path vectorsFile, Path slicesFile)
			throws IOException {
		int valid = 0;
		if (Files.isRegularFile(slicesFile) && Files.isRegularFile(vectorsFile)) {
			long stored = Files.size(vectorsFile) / ((long) dimensions * Float.BYTES);
			for (String line : Files.readAllLines(slicesFile)) {
				String[] fields = line.split(" ");
				int count = Integer.parseInt(fields[0]);
				if (count > chunks.size() || count > stored || hash(chunks.subList(0, count)) != Long.parseLong(fields[1])) {
					break;
				}
				valid = count;
			}
		}
		if (valid == 0) {
			Files.deleteIfExists(vectorsFile);
			Files.deleteIfExists(slicesFile);
			return new ArrayList<>();
		}
		List<float[]> vectors = read(vectorsFile, valid, dimensions);
		if (valid * (long) dimensions * Float.BYTES < Files.size(vectorsFile)) {
			rewrite(vectorsFile, slicesFile, vectors, chunks);
		}
		return vectors;
	}

	private static void rewrite(Path vectorsFile, Path slicesFile, List<float[]> vectors, List<String> chunks)
			throws IOException {
		Files.delete(vectorsFile);
		append(vectorsFile, vectors);
		Files.writeString(slicesFile, vectors.size() + " " + hash(chunks.subList(0, vectors.size())) + "\n");
	}

	static long hash(List<String> chunks) {
		long hash = 17;
		for (String chunk : chunks) {
			hash = hash * 1_000_003L + chunk.hashCode();
		}
		return hash;
	}

	private static List<float[]> read(Path file, int count, int dimensions) throws IOException {
		try (InputStream raw = Files.newInputStream(file);
				DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 20))) {
			List<float[]> vectors = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				float[] vector = new float[dimensions];
				for (int d = 0; d < dimensions; d++) {
					vector[d] = in.readFloat();
				}
				vectors.add(vector);
			}
			return vectors;
		}
	}

	private static void append(Path file, List<float[]> vectors) throws IOException {
		try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
				DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 20))) {
			for (float[] vector : vectors) {
				for (float v : vector) {
					out.writeFloat(v);
				}
			}
		}
	}

}
