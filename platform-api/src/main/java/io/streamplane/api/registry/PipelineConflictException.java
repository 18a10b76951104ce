package io.streamplane.api.registry;

import java.util.Map;
import java.util.stream.Collectors;

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

	/** @param kind what is named: {@code feature view} or {@code index} */
	static PipelineConflictException namesTaken(String kind, Map<String, String> pipelineByName) {
		String names = pipelineByName.entrySet().stream()
			.map(entry -> "'" + entry.getKey() + "' (pipeline '" + entry.getValue() + "')")
			.collect(Collectors.joining(", "));
		return new PipelineConflictException(kind + " names are global, and another pipeline already defines "
				+ names + "; rename the " + kind + ", or delete or change that pipeline first");
	}

	static PipelineConflictException concurrentChange(String name) {
		return new PipelineConflictException(
				"pipeline '" + name + "' was changed by another request at the same time; retry your request");
	}

}
