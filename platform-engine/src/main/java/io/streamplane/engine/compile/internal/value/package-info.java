/**
 * Row values and CEL: the {@link io.streamplane.engine.compile.internal.value.Row} every operator
 * passes on (fields, origin bytes, failure), its JSON reading and writing, CEL evaluation with the
 * conversions between JSON, Java and CEL values, the {@link
 * io.streamplane.engine.compile.internal.value.RecordException} that dead-letters one record, and
 * the compact binary form of rows on repartition topics. The bottom of the compiler: uses only the
 * spec model, CEL, Jackson and Kafka serdes, never another compiler package.
 */
package io.streamplane.engine.compile.internal.value;
