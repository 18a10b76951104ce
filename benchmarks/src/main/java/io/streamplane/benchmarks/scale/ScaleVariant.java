package io.streamplane.benchmarks.scale;

import java.util.Map;

import io.streamplane.benchmarks.harness.SpecResources;
import io.streamplane.benchmarks.harness.Variant;
import io.streamplane.engine.compile.FinalWindows;
import org.apache.kafka.streams.Topology;

/** The programs the scale benchmark compares, each on topics of its own with the same events. */
enum ScaleVariant implements Variant {

	/** (a) The Streamplane pipeline {@code scale/sessions.yaml}, compiled by the engine's compiler. */
	STREAMPLANE("a", "Streamplane pipeline") {
		@Override
		Topology topology(String input, String output) {
			return SpecResources.compile(SPEC, Map.of("session-events", input, "user-sessions", output)).topology();
		}
	},

	/**
	 * (c) Variant (a)'s pipeline with {@code emit: final} in the layout of engines before 2026-12-06
	 * ({@link FinalWindows#SUPPRESSION}), which pipeline versions they started keep.
	 */
	STREAMPLANE_SUPPRESSED("c", "Streamplane pipeline, suppression layout") {
		@Override
		Topology topology(String input, String output) {
			return SpecResources.compile(SPEC, Map.of("session-events", input, "user-sessions", output),
					FinalWindows.SUPPRESSION).topology();
		}
	},

	/** (b) The same sessions hand-written in Kafka Streams. */
	KAFKA_STREAMS("b", "hand-written Kafka Streams") {
		@Override
		Topology topology(String input, String output) {
			return HandWrittenSessions.build(input, output);
		}
	};

	/** Variant (a)'s spec. */
	static final String SPEC = "scale/sessions.yaml";

	private final String letter;

	private final String description;

	ScaleVariant(String letter, String description) {
		this.letter = letter;
		this.description = description;
	}

	/** The variant's topology reading {@code input} and writing {@code output}. */
	abstract Topology topology(String input, String output);

	static ScaleVariant of(String letter) {
		for (ScaleVariant variant : values()) {
			if (variant.letter.equals(letter)) {
				return variant;
			}
		}
		throw new IllegalArgumentException("No variant '" + letter + "'; a, b or c");
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
