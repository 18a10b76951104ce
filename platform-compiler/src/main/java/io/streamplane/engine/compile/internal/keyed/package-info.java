/**
 * Per-key state: {@code dedupe}, {@code running}, {@code crossing} and {@code changes}, each an
 * operator keeping state per record key in one RocksDB store (behind a write-back cache or, for
 * {@code dedupe}, the record cache), and the compiler that
 * repartitions by key when needed and attaches the store. Of the other compiler packages, uses
 * {@code value}, {@code wiring} and {@code window} ({@code running} folds aggregates as a window
 * does).
 */
package io.streamplane.engine.compile.internal.keyed;
