/**
 * Vector indexes: each change of an indexed table's row, projected to its primary key, text and metadata
 * ({@link io.streamplane.engine.compile.internal.index.IndexProjection}), written to the index topic in the
 * form of {@code io.streamplane.protocol.index.IndexCodec}, unless it leaves the row as last written
 * ({@link io.streamplane.engine.compile.internal.index.IndexWriter}). Of the other compiler packages, uses
 * {@code value}, {@code wiring}, {@code operator} (the projection is a row operator) and {@code table} (which
 * applies it to the changelog as a per-row step).
 */
package io.streamplane.engine.compile.internal.index;
