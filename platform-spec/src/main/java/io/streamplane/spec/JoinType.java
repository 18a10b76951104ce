package io.streamplane.spec;

/** Which rows a {@link Step.Join} keeps; written in lower case, e.g. {@code type: left}. */
public enum JoinType {

	/** Only rows that have a match in the table. */
	INNER,

	/** Every row; without a match, the table's fields are absent. */
	LEFT,

	/**
	 * The rows that have a match, and every table row that no row matches, alone (the row's fields
	 * absent). Only with a table on the left: a stream has no end from which to tell that no event
	 * will match.
	 */
	RIGHT,

	/** Every row, as {@link #LEFT}, and every table row that no row matches, as {@link #RIGHT}. */
	FULL;

	/** Whether the result has the table rows that no row matches. */
	public boolean keepsUnmatchedTableRows() {
		return this == RIGHT || this == FULL;
	}

	/** Whether the result has the rows without a match. */
	public boolean keepsUnmatchedRows() {
		return this == LEFT || this == FULL;
	}

}
