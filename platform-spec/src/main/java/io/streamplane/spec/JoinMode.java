package io.streamplane.spec;

/** How a {@link Step.Join} of a stream with a table follows changes of the table; e.g. {@code mode: lookup}. */
public enum JoinMode {

	/**
	 * The result is a change stream: every joined event is remembered, and a change of its table row
	 * retracts it ({@code "op": "-"}) and emits it anew ({@code "op": "+"}); a delete retracts it.
	 */
	REACTIVE,

	/**
	 * Enrichment: each event is joined once, with the table row as it is when the event arrives, and
	 * emitted as a plain record; later table changes do not touch events already emitted.
	 */
	LOOKUP

}
