package io.streamplane.langchain4j.internal;

import java.util.Map;

/**
 * One hit of {@code POST /search/{index}}: a chunk of a row.
 *
 * @param id the chunk id, {@code <primary key>#<chunk number>}
 * @param key the row's primary key, field to value
 * @param score the rank score under the search mode; higher is better
 * @param text the chunk's text
 * @param metadata the row's metadata fields (JSON values)
 */
public record SearchHit(String id, Map<String, Object> key, double score, String text, Map<String, Object> metadata) {

	public SearchHit {
		key = key == null ? Map.of() : key;
		text = text == null ? "" : text;
		metadata = metadata == null ? Map.of() : metadata;
	}

}
