package io.streamplane.rag.index;

import java.time.Instant;
import java.util.List;

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
 * @param freshness how long recent changes took from their source to being searchable
 * @param warnings what in the index's settings works against it, each with how to fix it (e.g. chunks longer than
 * the model reads); empty when nothing does
 */
public record IndexStatistics(String index, String pipeline, long rows, long chunks, String model, int dimensions,
		Instant lastIndexedAt, long lag, long embedded, double deletedRatio, int segments, Freshness freshness,
		List<String> warnings) {

	/**
	 * Commit-to-searchable latency of the changes that became searchable in the last minute (at most the newest
	 * 10,000): from the change's source time (the index record's timestamp; for PostgreSQL CDC the commit) to the
	 * refresh that made it searchable. It includes the engine's path to the index topic, the indexer's poll,
	 * chunking, embedding and the refresh, and any clock difference between the source and the indexer.
	 *
	 * @param changes changes measured in the window
	 * @param p50Ms the median, milliseconds ({@code null} when no change was measured)
	 * @param p95Ms the 95th percentile, milliseconds ({@code null} when none)
	 * @param maxMs the longest, milliseconds ({@code null} when none)
	 */
	public record Freshness(long changes, Long p50Ms, Long p95Ms, Long maxMs) {

		/** No change measured in the window. */
		public static final Freshness NONE = new Freshness(0, null, null, null);

	}

}
