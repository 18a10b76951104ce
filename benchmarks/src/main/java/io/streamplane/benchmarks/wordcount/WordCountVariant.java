package io.streamplane.benchmarks.wordcount;

import io.streamplane.benchmarks.harness.Variant;

/** The three programs the word-count benchmark compares on the same broker and input. */
enum WordCountVariant implements Variant {

	/** (a) The Streamplane spec, compiled by the engine's compiler. */
	STREAMPLANE("a", "Streamplane pipeline"),

	/** (b) The same logic and serdes as a hand-written Kafka Streams topology. */
	KAFKA_STREAMS("b", "hand-written Kafka Streams"),

	/** (c) A bare consume→produce loop: the ceiling. */
	CONSUME_PRODUCE("c", "consume→produce loop");

	private final String letter;

	private final String description;

	WordCountVariant(String letter, String description) {
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
