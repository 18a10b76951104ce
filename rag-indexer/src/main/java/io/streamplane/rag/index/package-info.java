/**
 * The live vector index of one pipeline's index: {@link io.streamplane.rag.index.IndexStore} (Lucene: HNSW
 * vectors, BM25 text, metadata filters, offsets in the commit) and the searches it answers. Knows nothing
 * about Kafka or HTTP.
 */
package io.streamplane.rag.index;
