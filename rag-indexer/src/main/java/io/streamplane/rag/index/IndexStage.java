package io.streamplane.rag.index;

/**
 * Where a change's time goes between its source and being searchable, one stage after the other; their sum is
 * the change's freshness. Every change of a batch is timed with the batch's stage durations.
 */
public enum IndexStage {

	/**
	 * From the source time (the PostgreSQL commit) until the indexer starts applying the change: CDC capture, the
	 * engine's exactly-once transaction, the index topic, and any wait in the consumer behind the batch before.
	 */
	RECEIVE,

	/** Chunking, and looking up the vectors the row's unchanged chunks already have. */
	PREPARE,

	/** Embedding the new chunks. */
	EMBED,

	/** Writing the row's documents (HNSW graph and text postings). */
	WRITE,

	/** From written until a refresh makes it searchable. */
	REFRESH;

	/** The name as a meter tag and in reports: lower case. */
	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
