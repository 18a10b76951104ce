package io.streamplane.protocol;

import java.time.Instant;

/**
 * One engine instance's writes to the topic of a vector index of a pipeline, part of its {@link EngineStatus}:
 * what the engine has handed to the rag-indexer. How much of it is searchable, the indexer tells at
 * {@code GET /search/{index}}.
 *
 * @param topic the index topic, {@code sp.index.<pipeline>.<index>}
 * @param upserts rows written with their text and metadata since the instance started the pipeline
 * @param deletes rows deleted since then
 * @param newestSourceTime the source time (for CDC, the commit time) of the newest change written, or
 * {@code null} before the first
 */
public record IndexReport(String topic, long upserts, long deletes, Instant newestSourceTime) {

	/** The report of two instances writing one index: counts summed, the newer source time. */
	public IndexReport plus(IndexReport other) {
		Instant newest = newestSourceTime == null ? other.newestSourceTime
				: other.newestSourceTime == null || newestSourceTime.isAfter(other.newestSourceTime) ? newestSourceTime
						: other.newestSourceTime;
		return new IndexReport(topic, upserts + other.upserts, deletes + other.deletes, newest);
	}

}
