package io.streamplane.engine.compile;

/**
 * How a window step with {@code emit: final} holds back its results until the window closes. Both emit
 * exactly one result per window, once stream time passes the window's end plus its lateness; they differ in
 * the state they keep, so a pipeline version keeps the layout it started with (see {@code docs/operations.md},
 * upgrading the engine).
 */
public enum FinalWindows {

	/**
	 * Kafka Streams' {@code emitStrategy(EmitStrategy.onWindowClose())}: the aggregation keeps its windows in a
	 * time-ordered RocksDB store and emits those that closed as stream time advances. One store and one changelog
	 * per window step. The layout of every pipeline version started by this engine.
	 */
	ON_WINDOW_CLOSE,

	/**
	 * Kafka Streams' {@code suppress(untilWindowCloses)} after the aggregation: every updated window is also held
	 * in an in-memory buffer with a changelog of its own ({@code <path>.final-store}) until it closes. The layout
	 * of pipeline versions started by engines before 2026-12-06; kept for them, since their state lives in it.
	 */
	SUPPRESSION

}
