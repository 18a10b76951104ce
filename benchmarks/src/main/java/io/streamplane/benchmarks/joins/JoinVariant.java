package io.streamplane.benchmarks.joins;

import io.streamplane.benchmarks.harness.Variant;

/** The programs the enrichment benchmark compares on the same broker and input. */
enum JoinVariant implements Variant {

	/** (a) The Streamplane pipeline with {@code mode: lookup}, compiled by the engine's compiler. */
	LOOKUP("a", "Streamplane lookup join"),

	/** (b) The same enrichment as a hand-written Kafka Streams stream–table join. */
	KAFKA_STREAMS("b", "hand-written KStream–KTable join"),

	/**
	 * (c) The Streamplane pipeline with {@code mode: reactive} {@code on: user_id}: repartitions every event by
	 * its join key and remembers it to re-emit it.
	 */
	REACTIVE("c", "Streamplane reactive join"),

	/**
	 * (e) (c) joined {@code on: key}, as (a) is: the views stay where their topic put them, no repartition. Shows
	 * what the reactive join costs beyond (a) for the same input, while (c) is kept for comparison with earlier runs.
	 */
	REACTIVE_ON_KEY("e", "Streamplane reactive join on: key (not repartitioned)"),

	/**
	 * (d) (b) as it would be written for views not keyed by user: {@code selectKey} first, so Kafka
	 * Streams repartitions them, as (a) always does. Shows what the repartition costs.
	 */
	KAFKA_STREAMS_REPARTITIONED("d", "hand-written join after selectKey (repartitioned)"),

	/**
	 * (f) (a) with another producer {@code linger.ms} ({@code --compare-linger-ms}, by default Kafka Streams' 100 ms)
	 * instead of the engine's (5 ms), measured in the same rounds when {@code --linger-compare=true}: what the engine's
	 * linger costs or gains in throughput.
	 */
	LOOKUP_STREAMS_LINGER("f", "Streamplane lookup join, another producer linger (--compare-linger-ms)");

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
