package io.streamplane.spec;

/**
 * A function that folds the records of a window into one value; written in lower case with its
 * argument, e.g. {@code sum(amount)} or {@code count()}. The argument is a CEL expression over the
 * record.
 */
public enum AggregateFunction {

	/** The number of records; takes no argument; an {@code int}. */
	COUNT(false),

	/** The sum of a number; of the argument's type. */
	SUM(true),

	/** The smallest value; of the argument's type. */
	MIN(true),

	/** The largest value; of the argument's type. */
	MAX(true),

	/** The arithmetic mean of a number; a {@code double}. */
	AVG(true),

	/** The value of the earliest record by event time; of the argument's type. */
	FIRST(true),

	/** The value of the latest record by event time; of the argument's type. */
	LAST(true),

	/** All values in event-time order; a list of the argument's type. */
	COLLECT(true),

	/** The number of distinct values; an {@code int}. */
	COUNT_DISTINCT(true),

	/**
	 * The value at the key's previous record, in arrival order, {@code null} for its first: the
	 * state before the current record. Only in {@code running}, where records follow each other per
	 * key; a window has no "before".
	 */
	PREVIOUS(true);

	private final boolean takesArgument;

	AggregateFunction(boolean takesArgument) {
		this.takesArgument = takesArgument;
	}

	/** Whether the function needs an argument expression. */
	public boolean takesArgument() {
		return takesArgument;
	}

	/**
	 * Whether a row can be taken back out of the aggregate, as a reactive group-by over a table
	 * needs: not for {@code first}, {@code last}, {@code collect} and {@code previous}, which depend on
	 * an order that the rows of a table do not have.
	 */
	public boolean retractable() {
		return switch (this) {
			case COUNT, SUM, MIN, MAX, AVG, COUNT_DISTINCT -> true;
			case FIRST, LAST, COLLECT, PREVIOUS -> false;
		};
	}

	/** Whether the argument must be a number. */
	public boolean needsNumber() {
		return this == SUM || this == AVG;
	}

	/** Whether the result can be declared an exact decimal, {@code sum(amount) as decimal(18, 2)}. */
	public boolean takesDecimal() {
		return this == SUM || this == AVG;
	}

}
