package io.streamplane.spec.internal;

import java.util.List;
import java.util.Optional;

/**
 * What a source, table or transform yields, as an index sees it: rows with a primary key, which an index
 * can follow, or records an index cannot follow, and why.
 *
 * @param key the primary-key fields, or empty
 * @param why when there is no key, the message telling the user why and what to do; otherwise {@code ""}
 */
record IndexedRows(Optional<List<String>> key, String why) {

	static IndexedRows keyed(List<String> key) {
		return new IndexedRows(Optional.of(List.copyOf(key)), "");
	}

	static IndexedRows unkeyed(String why) {
		return new IndexedRows(Optional.empty(), why);
	}

}
