package io.streamplane.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.streamplane.api.registry.Actor;
import io.streamplane.api.registry.PipelineNotFoundException;
import io.streamplane.api.registry.PipelineRegistry;
import io.streamplane.api.registry.SpecSource;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import io.streamplane.spec.ValidatedSpec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.ClassPathResource;

/**
 * A pipeline of the demo, from a spec on the classpath, registered once; a later start finds it registered and
 * leaves it, and its history, as they are.
 */
final class DemoPipeline {

	/**
	 * The clicks pipeline: the {@code online-click-features} example (clicks per user over 5 minutes and 1 hour,
	 * view {@code user_clicks}), from the examples shipped with the control plane.
	 */
	static final String CLICKS = "examples/online-click-features.yaml";

	/** The search pipeline: the demo's documents table as the index {@code docs}. */
	static final String DOCS = "demo/docs-search.yaml";

	private static final Log logger = LogFactory.getLog(DemoPipeline.class);

	private final PipelineRegistry registry;

	private final ValidatedSpec spec;

	private final String location;

	private final String text;

	/** @param location the spec's classpath location */
	DemoPipeline(PipelineRegistry registry, String location) {
		this.registry = registry;
		this.location = location;
		this.text = read(location);
		this.spec = new SpecReader().read(text, SpecFormat.YAML);
	}

	/** The pipeline's name. */
	String name() {
		return spec.spec().name();
	}

	/** The topic the pipeline's first source reads, e.g. the clicks. */
	String sourceTopic() {
		return spec.spec().sources().values().iterator().next().kafka().topic();
	}

	/** Registers the pipeline unless a live pipeline of that name exists. */
	void register() {
		if (isLive()) {
			logger.info("Demo pipeline '" + name() + "' is already registered");
			return;
		}
		registry.create(new SpecSource(spec, text, SpecFormat.YAML), new Actor("demo", null));
		logger.info("Demo pipeline '" + name() + "' registered from " + location);
	}

	private boolean isLive() {
		try {
			registry.get(name(), Optional.empty());
			return true;
		}
		catch (PipelineNotFoundException ex) {
			return false;
		}
	}

	private static String read(String location) {
		try (InputStream in = new ClassPathResource(location).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The demo pipeline " + location + " is missing from the classpath", ex);
		}
	}

}
