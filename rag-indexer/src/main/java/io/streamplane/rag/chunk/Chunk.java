package io.streamplane.rag.chunk;

/**
 * One piece of a row's text, as it is embedded and indexed.
 *
 * @param number the chunk's position in the row's text, from 0; with the row's key it makes the chunk id
 * {@code <key JSON>#<number>}
 * @param text the chunk's text, a substring of the row's text
 * @param tokens the chunk's estimated token count ({@link Chunker#estimateTokens})
 */
public record Chunk(int number, String text, int tokens) {
}
