/**
 * Feature views: the entity key of each event, the tile updater that folds events into tiles of
 * fixed width per entity and aggregate, and the writer of those tiles to the view's tile topic (in
 * the format of {@code io.streamplane.protocol.tiles}). Of the other compiler packages, uses
 * {@code value}, {@code wiring}, {@code operator} and {@code window}.
 */
package io.streamplane.engine.compile.internal.feature;
