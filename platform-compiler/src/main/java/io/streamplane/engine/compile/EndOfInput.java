package io.streamplane.engine.compile;

/**
 * End-of-input markers, which close every open window when a finite input ends (preview: batch =
 * streaming). A topology compiled with {@link PipelineCompiler#forReplay()} treats a record that
 * carries the header {@link #HEADER} as a marker: it is not parsed, counted or written to any
 * output; it only advances event time to its record timestamp. Markers are sent in rounds with
 * the timestamps {@link #timestamp(int)}: the first round closes the windows that follow the
 * sources, each further round pushes the previous round's marker through one more window, so a
 * pipeline with {@code n} window steps in a chain needs {@code n + 1} rounds. Topologies compiled
 * with {@link PipelineCompiler#PipelineCompiler()} ignore the header, so a producer cannot close
 * windows early.
 */
public final class EndOfInput {

	/** The header that marks a record as an end-of-input marker; its value is ignored. */
	public static final String HEADER = "sp.end-of-input";

	/** The key markers carry through the topology. */
	public static final String KEY = "\u0000sp.end-of-input";

	private static final long YEAR_3000 = 32_503_680_000_000L;

	private static final long CENTURY = 3_155_760_000_000L;

	private EndOfInput() {
	}

	/**
	 * The event time of the markers of a round: 1 January 3000 plus a century per round, beyond
	 * any window of real data plus its lateness.
	 * @param round the round, from 0
	 */
	public static long timestamp(int round) {
		return YEAR_3000 + round * CENTURY;
	}

}
