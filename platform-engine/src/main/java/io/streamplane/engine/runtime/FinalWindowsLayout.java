package io.streamplane.engine.runtime;

import java.util.List;
import java.util.Set;

import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.engine.compile.FinalWindows;
import io.streamplane.engine.compile.PipelineCounters;
import io.streamplane.spec.PipelineSpec;
import org.apache.kafka.streams.Topology;

/**
 * The layout of a pipeline version's {@code emit: final} windows: {@link FinalWindows#SUPPRESSION} when a
 * changelog topic only that layout has (a suppression buffer's, {@code <application id>-<path>.final-store-changelog})
 * exists, i.e. an engine from before 2026-12-06 started the version and its state is in that layout;
 * {@link FinalWindows#ON_WINDOW_CLOSE} otherwise. So a running pipeline keeps its windows through an upgrade
 * of the engine: none lost, none emitted twice; a new version, which starts with fresh state anyway, gets
 * the new layout.
 *
 * @param current the version compiled in the current layout
 * @param legacy the version compiled with {@link FinalWindows#SUPPRESSION}
 */
record FinalWindowsLayout(CompiledPipeline current, CompiledPipeline legacy) {

	/** Compiles {@code spec} in both layouts, counting nothing. */
	static FinalWindowsLayout of(TopologyCompiler compiler, PipelineSpec spec) {
		return new FinalWindowsLayout(compiler.compile(spec, new PipelineCounters(), FinalWindows.ON_WINDOW_CLOSE),
				compiler.compile(spec, new PipelineCounters(), FinalWindows.SUPPRESSION));
	}

	/** The internal topics of {@link #legacy} that {@link #current} does not have: its suppression buffers' changelogs. */
	Set<String> legacyOnlyTopics(String applicationId) {
		Set<String> topics = PipelineTopics.internalTopics(applicationId, legacy.topology().describe());
		topics.removeAll(PipelineTopics.internalTopics(applicationId, current.topology().describe()));
		return topics;
	}

	/** The layout of application {@code applicationId}, from the topics that exist. */
	FinalWindows choose(String applicationId, PipelineTopics topics) {
		Set<String> legacyOnly = legacyOnlyTopics(applicationId);
		return !legacyOnly.isEmpty() && topics.anyExists(legacyOnly) ? FinalWindows.SUPPRESSION
				: FinalWindows.ON_WINDOW_CLOSE;
	}

	/** Both layouts' topologies: what may have left internal topics behind. */
	List<Topology> topologies() {
		return List.of(current.topology(), legacy.topology());
	}

}
