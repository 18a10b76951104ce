/**
 * Tables and joins: a table read and upserted by primary key, lookup and reactive joins (Kafka
 * Streams' stream-table and foreign-key joins), their key checks, and the change stream ({@code
 * "op": "+"} / {@code "-"}) written for a transform that reads a table, and the wiring of a
 * group-by over a table. Of the other compiler packages, uses {@code value}, {@code wiring},
 * {@code operator}, {@code group} and {@code window} (the aggregate inputs).
 */
package io.streamplane.engine.compile.internal.table;
