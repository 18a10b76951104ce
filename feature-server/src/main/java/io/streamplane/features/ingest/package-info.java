/**
 * Ingest: consumers of the tile topics that write tiles into the store, and the follower of the desired
 * pipelines that defines the views each live pipeline serves. May use Kafka clients, the protocol, the spec
 * and the package above.
 */
package io.streamplane.features.ingest;
