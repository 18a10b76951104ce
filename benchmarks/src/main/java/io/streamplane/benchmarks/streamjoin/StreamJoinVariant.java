package io.streamplane.benchmarks.streamjoin;

import io.streamplane.benchmarks.harness.Variant;

/** The programs the stream–stream join benchmark compares on the same broker and input. */
enum StreamJoinVariant implements Variant {

	/** (a) The Streamplane pipeline {@code streamjoin/impressions-clicks.yaml}, compiled by the engine's compiler. */
	STREAMPLANE("a", "Streamplane stream join"),

	/** (b) The same join hand-written: {@code KStream.join} with {@code JoinWindows}. */
	KAFKA_STREAMS("b", "hand-written KStream.join with JoinWindows");

	private final String letter;

	private final String description;

	StreamJoinVariant(String letter, String description) {
		this.letter = letter;
		this.description = description;
	}

	@Override
	public String letter() {
		return letter;
	}

	@Override
	public String description() {
		return description;
	}

}
