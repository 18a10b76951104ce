/**
 * Where records enter and leave a topology: a source record parsed into a row with its key and
 * event time (the event time becomes the record timestamp), and rows written to an output topic as
 * JSON. Of the other compiler packages, uses {@code value}, {@code wiring} and {@code operator} (a
 * source key computed as {@code keyBy} does).
 */
package io.streamplane.engine.compile.internal.topic;
