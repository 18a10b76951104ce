package io.streamplane.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.streamplane.spec.Chunking;

class ChunkerTest {

	private static String sentences(int count) {
		return IntStream.range(0, count).mapToObj(i -> "Sentence number " + i + " says something about streams.")
			.collect(Collectors.joining(" "));
	}

	@Test
	void shouldKeepAShortTextInOneChunk() {
		List<Chunk> chunks = new Chunker(Chunking.DEFAULT).chunk("Pathway is reactive incremental Python.");

		assertThat(chunks).extracting(Chunk::number, Chunk::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0, "Pathway is reactive incremental Python."));
	}

	@Test
	void shouldGiveNoChunkForBlankText() {
		assertThat(new Chunker(Chunking.DEFAULT).chunk(" \n\t ")).isEmpty();
	}

	@Test
	void shouldEndChunksAtSentenceEndsWithinTheLimit() {
		List<Chunk> chunks = new Chunker(new Chunking(40, 0)).chunk(sentences(20));

		assertThat(chunks).hasSizeGreaterThan(3);
		assertThat(chunks).allSatisfy(chunk -> {
			assertThat(chunk.tokens()).isLessThanOrEqualTo(40);
			assertThat(chunk.text()).startsWith("Sentence number").endsWith("streams.");
		});
	}

	@Test
	void shouldRepeatTheOverlapAtTheStartOfTheNextChunk() {
		List<Chunk> chunks = new Chunker(new Chunking(40, 8)).chunk(sentences(20));

		for (int i = 1; i < chunks.size(); i++) {
			String previous = chunks.get(i - 1).text();
			String firstWords = chunks.get(i).text().split(" ")[0] + " " + chunks.get(i).text().split(" ")[1];
			assertThat(previous).as("chunk %d starts with the end of chunk %d", i, i - 1).contains(firstWords);
		}
	}

	@Test
	void shouldCutASentenceLongerThanTheLimitAtWords() {
		String words = IntStream.range(0, 200).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));

		List<Chunk> chunks = new Chunker(new Chunking(32, 0)).chunk(words);

		assertThat(chunks).hasSizeGreaterThan(5).allSatisfy(chunk -> assertThat(chunk.tokens()).isBetween(1, 32));
		assertThat(chunks.stream().map(Chunk::text).collect(Collectors.joining(" "))).isEqualTo(words);
	}

	@Test
	void shouldCutTheSameTextTheSameWay() {
		String text = sentences(30);

		assertThat(new Chunker(new Chunking(50, 10)).chunk(text)).isEqualTo(new Chunker(new Chunking(50, 10)).chunk(text));
	}

	@Test
	void shouldEstimateWordsAsWordPiecesAndPunctuationAsTokens() {
		assertThat(Chunker.estimateTokens("the cat sat.")).isEqualTo(4);
		assertThat(Chunker.estimateTokens("internationalization")).isEqualTo(4);
		assertThat(Chunker.estimateTokens("")).isZero();
	}

}
