package io.streamplane.rag.index.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * The {@link IndexWriterConfig} of a near-real-time vector index. Every refresh flushes what was written since the
 * last one as a segment of its own, so at tens of changes a second the index is a stream of segments of a few
 * chunks, and each merge rebuilds the HNSW graphs of the segments it merges. Lucene's default merge policy counts
 * every segment below a 16 MB floor (some thousands of chunks) as 16 MB, so it merges small segments with tiny
 * ones again and again. A floor of {@value #FLOOR_SEGMENT_MB} MB (tens of chunks) lets them grow by tiers instead:
 * with refreshes of 3 chunks of 384 dimensions, a chunk went through 4.5 merges instead of 6.6 (docs/benchmarks.md,
 * session 14).
 */
public final class WriterConfig {

	/** Below this size (MB) segments count as equal when merges are chosen. */
	public static final double FLOOR_SEGMENT_MB = 0.1;

	private WriterConfig() {
	}

	/** A writer config for a near-real-time index analysed by {@code analyzer}. */
	public static IndexWriterConfig nearRealTime(Analyzer analyzer) {
		return new IndexWriterConfig(analyzer)
			.setMergePolicy(new TieredMergePolicy().setFloorSegmentMB(FLOOR_SEGMENT_MB));
	}

}
