package io.streamplane.api.registry;

import io.streamplane.api.ControlPlaneException;

/** The request conflicts with the registry's current state, e.g. the name is taken. */
public final class PipelineConflictException extends ControlPlaneException {

	PipelineConflictException(String message) {
		super(message);
	}

	static PipelineConflictException nameTaken(String name) {
		return new PipelineConflictException("a pipeline named '" + name
				+ "' already exists; update it with PUT /api/v1/pipelines/" + name + " or choose another name");
	}

	static PipelineConflictException concurrentChange(String name) {
		return new PipelineConflictException(
				"pipeline '" + name + "' was changed by another request at the same time; retry your request");
	}

}
