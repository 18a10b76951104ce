package io.streamplane.benchmarks.wordcount;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Pathway's word-count dictionary: distinct random 7-letter lower-case words. */
final class Dictionary {

	private static final int WORD_LENGTH = 7;

	private final List<String> words;

	private Dictionary(List<String> words) {
		this.words = words;
	}

	/** {@code size} distinct words drawn with {@code random}. */
	static Dictionary random(int size, Random random) {
		Set<String> words = new LinkedHashSet<>();
		char[] letters = new char[WORD_LENGTH];
		while (words.size() < size) {
			for (int i = 0; i < WORD_LENGTH; i++) {
				letters[i] = (char) ('a' + random.nextInt(26));
			}
			words.add(new String(letters));
		}
		return new Dictionary(List.copyOf(words));
	}

	/** A word chosen uniformly with {@code random}. */
	String pick(Random random) {
		return words.get(random.nextInt(words.size()));
	}

}
