package io.streamplane.langchain4j;

import java.util.Locale;

/** How the index ranks chunks for a query. */
public enum SearchMode {

	/** By the cosine similarity of the query's embedding to each chunk's (HNSW). */
	VECTOR,

	/** By BM25 over the chunks' words. */
	KEYWORD,

	/** Both rankings fused by reciprocal rank fusion. */
	HYBRID;

	/** The name the search API takes: {@code vector}, {@code keyword} or {@code hybrid}. */
	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
