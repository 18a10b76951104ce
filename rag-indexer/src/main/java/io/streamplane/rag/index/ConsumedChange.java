package io.streamplane.rag.index;

import io.streamplane.protocol.index.IndexChange;

/**
 * One change read from an index topic, with where it was read.
 *
 * @param change the row change
 * @param partition the topic partition it was read from
 * @param offset its offset in that partition
 * @param sourceTime the record timestamp: when the change happened at its source, epoch milliseconds
 */
public record ConsumedChange(IndexChange change, int partition, long offset, long sourceTime) {
}
