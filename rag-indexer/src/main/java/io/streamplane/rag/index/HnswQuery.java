package io.streamplane.rag.index;

import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;

/**
 * The approximate vector query every vector search runs: Lucene's HNSW search exploring {@code max(k, candidates)}
 * nearest candidates per segment (HNSW's {@code ef}; Elasticsearch's {@code num_candidates}, Qdrant's
 * {@code hnsw_ef}), of which the searcher keeps the best {@code k}. With {@code candidates = k} the graph search
 * stops early and misses true neighbours (recall@10 below 0.92 over documentation chunks, see
 * docs/benchmarks.md); more candidates cost time roughly in proportion and find more of them.
 */
public final class HnswQuery {

	/** Candidates explored per vector search unless configured: 100, as in Lucene's own recall benchmarks. */
	public static final int DEFAULT_CANDIDATES = 100;

	/** Most candidates one search may explore. */
	public static final int MAX_CANDIDATES = 10_000;

	private HnswQuery() {
	}

	/**
	 * The query for the {@code k} nearest vectors to {@code vector} in {@code field}; search it with
	 * {@code IndexSearcher.search(query, k)}.
	 *
	 * @param field the vector field
	 * @param vector the query vector, of the field's dimensions
	 * @param k the neighbours wanted
	 * @param candidates candidates the graph search explores; fewer than {@code k} means {@code k}
	 * @param filter only documents that match it, or {@code null} for all (applied inside the graph search)
	 */
	public static Query of(String field, float[] vector, int k, int candidates, Query filter) {
		return new KnnFloatVectorQuery(field, vector, Math.max(k, candidates), filter);
	}

}
