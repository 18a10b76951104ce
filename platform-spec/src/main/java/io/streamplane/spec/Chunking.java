package io.streamplane.spec;

/**
 * How the indexer cuts a row's text into chunks before embedding them:
 * {@code chunking: { maxTokens: 256, overlap: 32 }}. Chunks end at sentence boundaries where one falls
 * within the limit; a sentence longer than {@code maxTokens} is cut at word boundaries. Tokens are counted
 * as the embedding model counts them (WordPiece for the default all-MiniLM-L6-v2).
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
	 * 256 tokens with 32 of overlap: the sequence length all-MiniLM-L6-v2 was built for (longer text is cut
	 * off by the model), and an eighth of it repeated, so a sentence cut by a chunk boundary is found in both.
	 */
	public static final Chunking DEFAULT = new Chunking(256, 32);

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
