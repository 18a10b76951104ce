package io.streamplane.api.registry;

import io.streamplane.api.ControlPlaneException;

/** No live pipeline, or no such version of it, has the requested name. */
public final class PipelineNotFoundException extends ControlPlaneException {

	PipelineNotFoundException(String message) {
		super(message);
	}

	static PipelineNotFoundException pipeline(String name) {
		return new PipelineNotFoundException("no pipeline named '" + name
				+ "'; list the registered ones with GET /api/v1/pipelines or create it with POST /api/v1/pipelines");
	}

	static PipelineNotFoundException version(String name, int version, int latest) {
		return new PipelineNotFoundException("pipeline '" + name + "' has no version " + version
				+ "; its versions are 1 to " + latest + " (GET /api/v1/pipelines/" + name + "/versions)");
	}

}
