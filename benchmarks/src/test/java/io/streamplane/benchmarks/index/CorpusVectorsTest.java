package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.streamplane.rag.embed.Embedder;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusVectorsTest {

	@TempDir
	Path cache;

	private final List<String> embedded = new ArrayList<>();

	private final Embedder lengths = new Embedder() {

		@Override
		public String model() {
			return "lengths";
		}

		@Override
		public int dimensions() {
			return 2;
		}

		@Override
		public List<float[]> embedAll(List<String> texts) {
			embedded.addAll(texts);
			return texts.stream().map(text -> new float[] { text.length(), 1 }).toList();
		}

	};

	@Test
	void shouldEmbedOnlyWhatTheCacheDoesNotHoldAndStopAtTheDeadline() throws IOException {
		List<String> chunks = IntStream.range(0, CorpusVectors.SLICE * 2 + 5).mapToObj(i -> "c".repeat(i % 50)).toList();

		List<float[]> none = CorpusVectors.load(chunks, lengths, cache, "k", System.nanoTime() - 1);
		List<float[]> all = CorpusVectors.load(chunks, lengths, cache, "k", Long.MAX_VALUE);
		int firstRun = embedded.size();
		List<float[]> again = CorpusVectors.load(chunks, lengths, cache, "k", Long.MAX_VALUE);

		assertThat(none).isEmpty();
		assertThat(firstRun).isEqualTo(chunks.size());
		assertThat(embedded).hasSize(firstRun);
		assertThat(again).hasSize(chunks.size());
		assertThat(again.get(chunks.size() - 1)[0]).isEqualTo(chunks.get(chunks.size() - 1).length());
		assertThat(all.get(77)).containsExactly(again.get(77));
	}

	@Test
	void shouldReEmbedFromTheFirstSliceWhoseTextsChanged() throws IOException {
		List<String> chunks = IntStream.range(0, CorpusVectors.SLICE * 3).mapToObj(i -> "chunk " + i).toList();
		CorpusVectors.load(chunks, lengths, cache, "k", Long.MAX_VALUE);
		List<String> changed = new ArrayList<>(chunks);
		changed.set(CorpusVectors.SLICE + 1, "a changed chunk");
		embedded.clear();

		List<float[]> vectors = CorpusVectors.load(changed, lengths, cache, "k", Long.MAX_VALUE);

		assertThat(embedded).hasSize(CorpusVectors.SLICE * 2).contains("a changed chunk");
		assertThat(vectors.get(CorpusVectors.SLICE + 1)[0]).isEqualTo("a changed chunk".length());
	}

}
