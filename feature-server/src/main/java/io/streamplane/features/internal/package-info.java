/**
 * The tile store's storage details: key layout, column families, the compact stored tile form, the
 * scan of one entity, pruning and the native memory budget. May use RocksDB and the tile format of the
 * protocol; only {@code io.streamplane.features} and its sub-packages use it.
 */
package io.streamplane.features.internal;
