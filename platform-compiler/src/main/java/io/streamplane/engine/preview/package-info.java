/**
 * Preview: runs a compiled pipeline on sample records in a {@code TopologyTestDriver}, no broker, and reports
 * outputs, dead letters and tiles per step. May use the compiler's API, the spec and the tile format; never
 * the runtime or CDC.
 */
package io.streamplane.engine.preview;
