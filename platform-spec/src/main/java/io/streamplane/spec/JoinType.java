package io.streamplane.spec;

/** Which rows a {@link Step.Join} keeps; written in lower case, e.g. {@code type: left}. */
public enum JoinType {

	/** Only rows that have a match in the table. */
	INNER,

	/** Every row; without a match, the table's fields are absent. */
	LEFT

}
