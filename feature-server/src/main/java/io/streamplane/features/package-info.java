/**
 * The feature server's API: views and features as served ({@link io.streamplane.features.ServedView},
 * {@link io.streamplane.features.Feature}), the RocksDB {@link io.streamplane.features.TileStore} and its
 * reader, the properties and the auto-configuration of the role. May use the spec, the protocol and its
 * own sub-packages; never Kafka Streams or Debezium.
 */
package io.streamplane.features;
