/** Embedder implementations. */
package io.streamplane.rag.embed.internal;
