package io.streamplane.rag.chunk;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.streamplane.spec.Chunking;

/**
 * Cuts a row's text into chunks of at most {@link Chunking#maxTokens()} tokens, sentence-aware: a chunk ends at
 * the last sentence end that keeps it within the limit, provided the chunk is then at least half full; else
 * (one long sentence) it ends at the last word that fits. The next chunk starts {@link Chunking#overlap()}
 * tokens before the previous one ended, at a word boundary, so a sentence cut by a boundary is found in both.
 * Chunks are substrings of the text (original spacing kept); the same text and settings always give the same
 * chunks.
 * <p>
 * Tokens are estimated, not counted with the model's WordPiece vocabulary: every punctuation or symbol
 * character is one token, and a run of letters or digits of length {@code n} is {@code 1 + (n - 1) / 6} tokens
 * (common English words are one WordPiece token; rare and long words split into pieces of a few characters).
 * On English prose this lands within about 15% of all-MiniLM-L6-v2's tokenizer, usually above it, so chunks of
 * the default 120 tokens rarely exceed the 126 word pieces the model reads
 * (an index whose chunks may be longer says so in its statistics).
 */
public final class Chunker {

	private final Chunking chunking;

	/** A chunker with these settings. */
	public Chunker(Chunking chunking) {
		this.chunking = chunking;
	}

	/** The chunks of {@code text}, in order; none for a text without a word. */
	public List<Chunk> chunk(String text) {
		List<Word> words = words(text);
		List<Chunk> chunks = new ArrayList<>();
		int start = 0;
		while (start < words.size()) {
			int end = end(words, start);
			int tokens = tokens(words, start, end);
			chunks.add(new Chunk(chunks.size(), text.substring(words.get(start).from, words.get(end - 1).to), tokens));
			if (end == words.size()) {
				break;
			}
			start = Math.max(start + 1, overlapStart(words, start, end));
		}
		return chunks;
	}

	/** The estimated token count of {@code text}, as described on the class. */
	public static int estimateTokens(String text) {
		int tokens = 0;
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				run++;
				continue;
			}
			tokens += runTokens(run);
			run = 0;
			if (!Character.isWhitespace(c)) {
				tokens++;
			}
		}
		return tokens + runTokens(run);
	}

	private static int runTokens(int run) {
		return run == 0 ? 0 : 1 + (run - 1) / 6;
	}

	/** The exclusive end of the chunk starting at {@code start}. */
	private int end(List<Word> words, int start) {
		int budget = chunking.maxTokens();
		int end = start;
		int used = 0;
		int sentenceEnd = -1;
		int usedAtSentenceEnd = 0;
		while (end < words.size() && (end == start || used + words.get(end).tokens <= budget)) {
			used += words.get(end).tokens;
			end++;
			if (words.get(end - 1).endsSentence) {
				sentenceEnd = end;
				usedAtSentenceEnd = used;
			}
		}
		boolean cutInside = end < words.size();
		if (cutInside && sentenceEnd > start && usedAtSentenceEnd * 2 >= budget) {
			return sentenceEnd;
		}
		return end;
	}

	private int overlapStart(List<Word> words, int start, int end) {
		int next = end;
		int used = 0;
		while (next - 1 > start && used + words.get(next - 1).tokens <= chunking.overlap()) {
			used += words.get(next - 1).tokens;
			next--;
		}
		return next;
	}

	private static int tokens(List<Word> words, int from, int to) {
		int tokens = 0;
		for (int i = from; i < to; i++) {
			tokens += words.get(i).tokens;
		}
		return tokens;
	}

	private static List<Word> words(String text) {
		List<Word> words = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			int from = i;
			while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			if (i > from) {
				words.add(new Word(from, i, Math.max(1, estimateTokens(text.substring(from, i)))));
			}
		}
		markSentenceEnds(text, words);
		return words;
	}

	private static void markSentenceEnds(String text, List<Word> words) {
		BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
		sentences.setText(text);
		int w = 0;
		for (int boundary = sentences.next(); boundary != BreakIterator.DONE; boundary = sentences.next()) {
			while (w < words.size() && words.get(w).to <= boundary) {
				w++;
			}
			if (w > 0) {
				words.get(w - 1).endsSentence = true;
			}
		}
	}

	private static final class Word {

		final int from;

		final int to;

		final int tokens;

		boolean endsSentence;

		Word(int from, int to, int tokens) {
			this.from = from;
			this.to = to;
			this.tokens = tokens;
		}

	}

}
