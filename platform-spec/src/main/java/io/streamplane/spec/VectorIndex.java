package io.streamplane.spec;

import java.util.List;
import java.util.Objects;

/**
 * A live vector index over a table: the engine writes every change of the table's rows, as the row's text
 * and metadata or its delete, to {@link #topic(String) the index topic}; the rag-indexer chunks, embeds and
 * indexes them and answers {@code /search/{name}}.
 * <pre>
 * indexes:
 *   - name: docs                     # index name, unique across all pipelines: /search/docs
 *     from: documents                # a table, or a transform that yields one (e.g. a reactive join)
 *     text: body                     # a CEL string expression (a field is one), or a list of fields
 *     metadata: [category, author]   # optional; fields returned with each hit and usable in filters
 *     chunking: { maxTokens: 120, overlap: 15 }   # optional; the default shown
 * </pre>
 *
 * @param name the index name: what {@code /search/{index}} names; global, not per pipeline
 * @param from the table, or the transform yielding a table, whose rows are indexed
 * @param key the fields identifying a row: the primary key of the table {@code from} reads, which the rows
 *        keep through the transform's steps
 * @param text the text of a row to chunk and embed
 * @param metadata the fields of a row returned with each hit and usable in filters, in order; may be empty
 * @param chunking how the text is cut into chunks
 */
public record VectorIndex(String name, String from, List<String> key, IndexText text, List<String> metadata,
		Chunking chunking) {

	/** The prefix of every index topic. */
	public static final String TOPIC_PREFIX = "sp.index.";

	public VectorIndex {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(from, "from");
		key = List.copyOf(key);
		Objects.requireNonNull(text, "text");
		metadata = List.copyOf(metadata);
		Objects.requireNonNull(chunking, "chunking");
		if (key.isEmpty()) {
			throw new IllegalArgumentException("index '" + name + "' needs a key");
		}
	}

	/**
	 * The topic the engine writes this index's row changes to: {@code sp.index.<pipeline>.<index>}, compacted;
	 * records as described by the protocol's {@code IndexCodec}.
	 */
	public String topic(String pipeline) {
		return TOPIC_PREFIX + pipeline + "." + name;
	}

}
