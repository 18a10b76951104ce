package io.streamplane.spec;

/**
 * Which events a {@link Step.StreamJoin} keeps when they find no match within the time bound;
 * written in lower case, e.g. {@code type: left}. An event kept without a match is emitted once,
 * with {@code null} for the other side's fields, when its window has closed.
 */
public enum StreamJoinType {

	/** Only pairs that match. */
	INNER,

	/** Pairs, and this stream's events that found no match. */
	LEFT,

	/** Pairs, and the other stream's events that found no match. */
	RIGHT,

	/** Pairs, and the events of either stream that found no match. */
	FULL;

	/** Whether events of this stream without a match are emitted. */
	public boolean keepsThis() {
		return this == LEFT || this == FULL;
	}

	/** Whether events of the other stream without a match are emitted. */
	public boolean keepsOther() {
		return this == RIGHT || this == FULL;
	}

}
