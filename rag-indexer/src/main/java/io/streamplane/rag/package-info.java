/**
 * The rag-indexer role: {@link io.streamplane.rag.RagIndexerAutoConfiguration} and its
 * {@link io.streamplane.rag.RagIndexerProperties}. Sub-packages: {@code chunk} (text to chunks), {@code embed}
 * (chunks to vectors), {@code index} (Lucene), {@code ingest} (Kafka to index), {@code web} and {@code security}
 * ({@code /search/**}).
 */
package io.streamplane.rag;
