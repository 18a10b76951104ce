/**
 * Group-by over a table: the operator that prepares each row (its group and the inputs of its
 * aggregates), the group key, the retractable accumulators (multisets for {@code min}, {@code max}
 * and {@code count_distinct}) with the group state and its binary serde, and the folder handed to
 * Kafka Streams as initializer, adder and subtractor. The wiring is in {@code table}. Of the other
 * compiler packages, uses {@code value}, {@code operator} and {@code window} (the aggregate inputs).
 */
package io.streamplane.engine.compile.internal.group;
