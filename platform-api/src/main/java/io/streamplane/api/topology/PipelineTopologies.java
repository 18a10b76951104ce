package io.streamplane.api.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.streamplane.api.registry.PipelineDetails;
import io.streamplane.api.registry.PipelineRegistry;
import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.engine.compile.PipelineCounters;
import io.streamplane.engine.compile.PipelineCompiler;
import io.streamplane.spec.SpecReader;

/**
 * The topology graphs of registered pipeline versions, compiled here with the engine's own compiler, so the
 * graph is what engines run. Versions never change, so graphs are kept for the most recently asked
 * {@value #CACHED} versions ({@code <name>@<version>} is unique forever: a name registered again continues
 * its version numbers).
 */
public class PipelineTopologies {

	static final int CACHED = 64;

	private final PipelineRegistry registry;

	private final SpecReader specs;

	private final PipelineCompiler compiler = new PipelineCompiler();

	private final Map<String, TopologyGraph> graphs = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, TopologyGraph> eldest) {
			return size() > CACHED;
		}

	});

	PipelineTopologies(PipelineRegistry registry, SpecReader specs) {
		this.registry = registry;
		this.specs = specs;
	}

	/**
	 * The graph of the latest version of a live pipeline, or of {@code version}.
	 *
	 * @throws io.streamplane.api.registry.PipelineNotFoundException if there is no such pipeline or version
	 */
	public TopologyGraph graph(String name, Optional<Integer> version) {
		PipelineDetails pipeline = registry.get(name, version);
		String key = pipeline.name() + "@" + pipeline.version();
		TopologyGraph cached = graphs.get(key);
		if (cached != null) {
			return cached;
		}
		CompiledPipeline compiled = compiler.compile(specs.read(pipeline.spec()).spec(), new PipelineCounters());
		TopologyGraph graph = TopologyGraphs.of(compiled, pipeline.version(), pipeline.spec(),
				CompiledPipeline.applicationId(pipeline.name(), pipeline.version()));
		graphs.put(key, graph);
		return graph;
	}

}
