/**
 * Row operators, one small class per stateless step ({@code filter}, {@code set}, {@code select},
 * {@code explode}, {@code keyBy}) on the two base classes that keep or change the record key and
 * dead-letter a failing record. Of the other compiler packages, uses {@code value} and {@code
 * wiring}.
 */
package io.streamplane.engine.compile.internal.operator;
