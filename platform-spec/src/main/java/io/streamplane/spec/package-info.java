/**
 * The pipeline spec: immutable records under sealed interfaces (sources, tables, transforms and their steps,
 * outputs, feature views, indexes), the reader that parses and validates a spec and the problems it reports.
 * May use CEL and Jackson only; everything else in Streamplane builds on it.
 */
package io.streamplane.spec;
