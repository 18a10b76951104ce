package io.streamplane.benchmarks.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.engine.compile.FinalWindows;
import io.streamplane.engine.compile.PipelineCompiler;
import io.streamplane.engine.compile.PipelineCounters;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;

/** Specs in this module's resources, read and compiled as the engine does: variant (a) of each benchmark. */
public final class SpecResources {

	private SpecResources() {
	}

	/**
	 * Reads, validates and compiles the spec; each call builds a new topology.
	 * @param resource the spec's class-path location, e.g. {@code wordcount/wordcount-final.yaml}
	 * @throws RuntimeException whatever the reader or compiler throws, e.g. for steps it cannot compile yet
	 */
	public static CompiledPipeline compile(String resource) {
		return new PipelineCompiler().compile(new SpecReader().read(read(resource), SpecFormat.YAML).spec(),
				new PipelineCounters());
	}

	/**
	 * As {@link #compile(String)}, with the spec's Kafka topics renamed, so that runs of one benchmark can each
	 * have topics of their own.
	 * @param topics new topic name by the name in the spec ({@code topic: <name>})
	 */
	public static CompiledPipeline compile(String resource, Map<String, String> topics) {
		return compile(resource, topics, FinalWindows.ON_WINDOW_CLOSE);
	}

	/** As {@link #compile(String, Map)}, with {@code emit: final} windows in the layout {@code finalWindows}. */
	public static CompiledPipeline compile(String resource, Map<String, String> topics, FinalWindows finalWindows) {
		String spec = read(resource);
		for (Map.Entry<String, String> topic : topics.entrySet()) {
			String from = "topic: " + topic.getKey();
			if (!spec.contains(from)) {
				throw new IllegalArgumentException("The spec " + resource + " has no '" + from + "'");
			}
			spec = spec.replace(from, "topic: " + topic.getValue());
		}
		return new PipelineCompiler().withFinalWindows(finalWindows)
			.compile(new SpecReader().read(spec, SpecFormat.YAML).spec(), new PipelineCounters());
	}

	private static String read(String resource) {
		try (InputStream in = SpecResources.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("The spec " + resource + " is not on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the spec " + resource, ex);
		}
	}

}
