/**
 * The tile format shared by the engine (writer) and the feature server (reader): tiles of partial
 * aggregates in JSON and in a compact binary form, and the distinct-count sketch. May use Jackson only.
 */
package io.streamplane.protocol.tiles;
