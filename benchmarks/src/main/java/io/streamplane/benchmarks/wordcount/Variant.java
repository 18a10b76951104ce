package io.streamplane.benchmarks.wordcount;

/** The three programs the benchmark compares on the same broker and input. */
enum Variant {

	/** (a) The Streamplane spec, compiled by the engine's compiler. */
	STREAMPLANE("a", "Streamplane pipeline"),

	/** (b) The same logic and serdes as a hand-written Kafka Streams topology. */
	KAFKA_STREAMS("b", "hand-written Kafka Streams"),

	/** (c) A bare consume→produce loop: the ceiling. */
	CONSUME_PRODUCE("c", "consume→produce loop");

	private final String letter;

	private final String description;

	Variant(String letter, String description) {
		this.letter = letter;
		this.description = description;
	}

	String letter() {
		return letter;
	}

	/** E.g. {@code (a) Streamplane pipeline}. */
	String label() {
		return "(" + letter + ") " + description;
	}

}
