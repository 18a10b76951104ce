package io.streamplane.rag.index;

import java.util.Map;

/**
 * One chunk a search found.
 *
 * @param id the chunk id, {@code <primary key>#<chunk number>}
 * @param key the row's primary key
 * @param score the rank score: vector similarity from 0 to 1, BM25, or the fused RRF score, by mode
 * @param text the chunk's text
 * @param metadata the row's metadata
 */
public record Hit(String id, Map<String, Object> key, double score, String text, Map<String, Object> metadata) {
}
