package io.streamplane.benchmarks.joins;

import io.streamplane.benchmarks.harness.Variant;

/** The programs the enrichment benchmark compares on the same broker and input. */
enum JoinVariant implements Variant {

	/** (a) The Streamplane pipeline with {@code mode: lookup}, compiled by the engine's compiler. */
	LOOKUP("a", "Streamplane lookup join"),

	/** (b) The same enrichment as a hand-written Kafka Streams stream–table join. */
	KAFKA_STREAMS("b", "hand-written KStream–KTable join"),

	/** (c) The Streamplane pipeline with {@code mode: reactive}: remembers every event to re-emit it. */
	REACTIVE("c", "Streamplane reactive join"),

	/**
	 * (d) (b) as it would be written for views not keyed by user: {@code selectKey} first, so Kafka
	 * Streams repartitions them, as (a) always does. Shows what the repartition costs.
	 */
	KAFKA_STREAMS_REPARTITIONED("d", "hand-written join after selectKey (repartitioned)");

	private final String letter;

	private final String description;

	JoinVariant(String letter, String description) {
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
