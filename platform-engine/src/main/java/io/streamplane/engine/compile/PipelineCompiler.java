package io.streamplane.engine.compile;

import io.streamplane.spec.PipelineSpec;

/** Compiles a validated pipeline spec to a Kafka Streams topology. */
public final class PipelineCompiler {

	/**
	 * Compiles the spec. Every call builds a new topology, so each {@code KafkaStreams} instance
	 * gets its own.
	 * @param spec a spec that passed validation
	 * @param counters where the topology counts records in, out, late and dead-lettered
	 */
	public CompiledPipeline compile(PipelineSpec spec, PipelineCounters counters) {
		throw new UnsupportedOperationException("the compiler is being written (issue 3)");
	}

}
