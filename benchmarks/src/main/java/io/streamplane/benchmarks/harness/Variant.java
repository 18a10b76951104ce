package io.streamplane.benchmarks.harness;

/** One of the programs a benchmark compares on the same broker and input, e.g. {@code (a) Streamplane pipeline}. */
public interface Variant {

	/** The variant's letter, e.g. {@code a}: used in application ids and ratios. */
	String letter();

	/** What the variant is, e.g. {@code Streamplane pipeline}. */
	String description();

	/** E.g. {@code (a) Streamplane pipeline}. */
	default String label() {
		return "(" + letter() + ") " + description();
	}

}
