package io.streamplane.engine.runtime;

import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.engine.compile.FinalWindows;
import io.streamplane.engine.compile.PipelineCompiler;
import io.streamplane.engine.compile.PipelineCounters;
import io.streamplane.spec.PipelineSpec;

/**
 * How the engine turns a validated spec into a topology: {@link PipelineCompiler#compile} unless
 * the application defines another bean of this type. Called once per start of a pipeline, so each
 * {@code KafkaStreams} instance gets a topology of its own.
 */
@FunctionalInterface
public interface TopologyCompiler {

	/**
	 * @param spec a spec that passed validation
	 * @param counters where the topology counts records; the same instance for every start of a
	 * pipeline on this engine instance
	 * @param finalWindows the layout of {@code emit: final} windows the pipeline version's state is in
	 * ({@link PipelineCompiler#withFinalWindows})
	 * @throws RuntimeException if the spec cannot be compiled; the pipeline then stays
	 * {@code FAILED} until its desired state changes
	 */
	CompiledPipeline compile(PipelineSpec spec, PipelineCounters counters, FinalWindows finalWindows);

}
