package io.streamplane.rag.index;

import java.time.Instant;

/**
 * What one index holds, as {@code GET /search/{index}} reports it.
 *
 * @param index the index name
 * @param pipeline the pipeline whose index it is
 * @param rows rows with at least one chunk
 * @param chunks chunks (Lucene documents) searchable now
 * @param model the embedding model
 * @param dimensions the vectors' length
 * @param lastIndexedAt when the indexer last applied a change, or {@code null} before the first
 * @param lag records of the index topic not yet applied ({@code -1} while unknown)
 * @param embedded chunks embedded since the indexer started (chunks whose text was unchanged are not)
 * @param deletedRatio the share of deleted documents not yet merged away, from 0 to 1
 * @param segments Lucene segments of the searchable view
 */
public record IndexStatistics(String index, String pipeline, long rows, long chunks, String model, int dimensions,
		Instant lastIndexedAt, long lag, long embedded, double deletedRatio, int segments) {
}
