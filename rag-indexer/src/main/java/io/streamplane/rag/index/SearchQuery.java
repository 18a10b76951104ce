package io.streamplane.rag.index;

import org.apache.lucene.search.Query;

/**
 * A validated search.
 *
 * @param text the query text
 * @param k the most hits to return
 * @param filter the metadata filter ({@link FilterQueries}), or {@code null} for none
 * @param mode how to rank
 */
public record SearchQuery(String text, int k, Query filter, SearchMode mode) {
}
