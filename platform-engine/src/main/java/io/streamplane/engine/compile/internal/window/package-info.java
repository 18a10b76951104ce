/**
 * Windowed aggregations: the window compiler, the lateness operator in front of each aggregation
 * (which dead-letters late records instead of dropping them), the accumulators of the aggregate
 * functions, the window state with its binary serde, and the operators that emit updates or final
 * results. Of the other compiler packages, uses {@code value} and {@code wiring}.
 */
package io.streamplane.engine.compile.internal.window;
