/**
 * The index topics between the engine and the rag-indexer: {@link io.streamplane.protocol.index.IndexChange},
 * one row change a pipeline's index follows, and {@link io.streamplane.protocol.index.IndexCodec}, its Kafka
 * record form. Needs only Jackson.
 */
package io.streamplane.protocol.index;
