package io.streamplane.spec;

/** When a window emits its results; written in lower case, e.g. {@code emit: final}. */
public enum Emit {

	/** Once per window and key, when the window closes (its end plus the source's lateness). */
	FINAL,

	/** On every change of a window's result, as records arrive. */
	UPDATES

}
