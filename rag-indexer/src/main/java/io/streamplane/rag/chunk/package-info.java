/**
 * Sentence-aware chunking of a row's text before embedding: {@link io.streamplane.rag.chunk.Chunker}.
 */
package io.streamplane.rag.chunk;
