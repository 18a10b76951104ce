/**
 * Tables and joins: a table read and upserted by primary key, lookup and reactive joins (Kafka
 * Streams' stream-table and foreign-key joins), their key checks, and the change stream ({@code
 * "op": "+"} / {@code "-"}) written for a transform that reads a table. Of the other compiler
 * packages, uses {@code value}, {@code wiring} and {@code operator}.
 */
package io.streamplane.engine.compile.internal.table;
