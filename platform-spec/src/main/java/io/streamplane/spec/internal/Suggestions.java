package io.streamplane.spec.internal;

import java.util.Collection;
import java.util.Optional;

/** Finds the closest known name to a misspelt one, for "did you mean" hints. */
final class Suggestions {

	private Suggestions() {
	}

	/** The candidate nearest to {@code name} by edit distance, if near enough to be a typo. */
	static Optional<String> closest(String name, Collection<String> candidates) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			if (name.length() > 1 && candidate.length() > 1 && (name.startsWith(candidate) || candidate.startsWith(name))) {
				return Optional.of(candidate);
			}
			int distance = distance(name.toLowerCase(), candidate.toLowerCase());
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		int tolerance = Math.max(1, Math.min(name.length(), best == null ? 0 : best.length()) / 3);
		return bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
	}

	/** {@code "; did you mean 'x'?"} or {@code ""}. */
	static String didYouMean(String name, Collection<String> candidates) {
		return closest(name, candidates).map(match -> "; did you mean '" + match + "'?").orElse("");
	}

	/** {@code "; did you mean 'x'? allowed: a, b"}, or {@code "; allowed: a, b"} when nothing is close. */
	static String hint(String name, Collection<String> allowed) {
		return hint(name, allowed, "allowed");
	}

	/** {@code "; did you mean 'x'? <label>: a, b"}, or {@code "; <label>: a, b"} when nothing is close. */
	static String hint(String name, Collection<String> candidates, String label) {
		String list = label + ": " + (candidates.isEmpty() ? "none" : String.join(", ", candidates));
		return closest(name, candidates).map(match -> "; did you mean '" + match + "'? " + list).orElse("; " + list);
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
