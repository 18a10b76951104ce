package io.streamplane.protocol.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One change of a row that a pipeline's index follows, as the engine writes it to the index's topic
 * ({@code sp.index.<pipeline>.<index>}, see {@link IndexCodec}) and the rag-indexer reads it: the row now
 * has this text and metadata ({@link Upsert}), or the row is gone ({@link Delete}). The row's primary key
 * identifies it in both; the indexer replaces all chunks of a row on an upsert and removes them on a delete.
 */
public sealed interface IndexChange permits IndexChange.Upsert, IndexChange.Delete {

	/** The row's primary key: field name to value (string, number or boolean), in the table's key order. */
	Map<String, Object> key();

	/**
	 * The row was inserted or updated.
	 *
	 * @param key the row's primary key
	 * @param text the text to chunk and embed (may be empty: the row then has no chunks)
	 * @param metadata fields returned with each hit and usable in filters (JSON values)
	 */
	record Upsert(Map<String, Object> key, String text, Map<String, Object> metadata) implements IndexChange {

		public Upsert {
			key = frozenKey(key);
			Objects.requireNonNull(text, "text");
			metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
		}

	}

	/**
	 * The row was deleted.
	 *
	 * @param key the deleted row's primary key
	 */
	record Delete(Map<String, Object> key) implements IndexChange {

		public Delete {
			key = frozenKey(key);
		}

	}

	private static Map<String, Object> frozenKey(Map<String, Object> key) {
		Objects.requireNonNull(key, "key");
		if (key.isEmpty()) {
			throw IndexFormatException.invalid("an index change needs a primary key with at least one field");
		}
		return Collections.unmodifiableMap(new LinkedHashMap<>(key));
	}

}
