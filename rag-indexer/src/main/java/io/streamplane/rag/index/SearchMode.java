package io.streamplane.rag.index;

import java.util.Locale;
import java.util.Optional;

/** How a search ranks chunks. */
public enum SearchMode {

	/** Nearest vectors (HNSW, dot product of normalised vectors): meaning. */
	VECTOR,

	/** BM25 over the chunk text: words. */
	KEYWORD,

	/** Both lists fused by reciprocal rank fusion ({@code 1 / (60 + rank)} summed). */
	HYBRID;

	/** The mode named {@code name} (any case), if there is one. */
	public static Optional<SearchMode> of(String name) {
		for (SearchMode mode : values()) {
			if (mode.name().equalsIgnoreCase(name)) {
				return Optional.of(mode);
			}
		}
		return Optional.empty();
	}

	/** The name in requests, e.g. {@code hybrid}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
