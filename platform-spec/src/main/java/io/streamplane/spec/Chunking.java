package io.streamplane.spec;

/**
 * How the indexer cuts a row's text into chunks before embedding them:
 * {@code chunking: { maxTokens: 120, overlap: 15 }}. Chunks end at sentence boundaries where one falls
 * within the limit; a sentence longer than {@code maxTokens} is cut at word boundaries. Tokens are estimated
 * from the text (about as many as a WordPiece vocabulary such as all-MiniLM-L6-v2's makes, usually a few more).
 *
 * @param maxTokens the most tokens in one chunk, from {@value #MIN_TOKENS} to {@value #MAX_TOKENS}
 * @param overlap how many tokens of a chunk's end the next chunk repeats, from 0 to half of {@code maxTokens}
 */
public record Chunking(int maxTokens, int overlap) {

	/** The smallest {@link #maxTokens}. */
	public static final int MIN_TOKENS = 16;

	/** The largest {@link #maxTokens}. */
	public static final int MAX_TOKENS = 8192;

	/**
	 * 120 tokens with 15 of overlap: within the 128-token window of the default all-MiniLM-L6-v2 (126 word pieces;
	 * the model does not read past it) with a margin for the estimate, and an eighth of it repeated, so a
	 * sentence cut by a chunk boundary is found in both. On the project's documentation, chunks of 256 estimated
	 * tokens left 40% of their text outside the model's window; chunks of 120 leave 0.4%.
	 */
	public static final Chunking DEFAULT = new Chunking(120, 15);

	public Chunking {
		if (maxTokens < MIN_TOKENS || maxTokens > MAX_TOKENS) {
			throw new IllegalArgumentException("chunking maxTokens must be from " + MIN_TOKENS + " to " + MAX_TOKENS
					+ ", got " + maxTokens);
		}
		if (overlap < 0 || overlap > maxTokens / 2) {
			throw new IllegalArgumentException("chunking overlap must be from 0 to half of maxTokens (" + maxTokens / 2
					+ "), got " + overlap);
		}
	}

}
