/**
 * Embedding models for the vector index: the {@link io.streamplane.rag.embed.Embedder} contract the indexer and
 * the {@code /v1/embeddings} endpoint use. Implementations live in {@code embed.internal}; nothing here knows
 * about Lucene, Kafka or HTTP serving.
 */
package io.streamplane.rag.embed;
