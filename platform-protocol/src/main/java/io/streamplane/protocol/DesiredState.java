package io.streamplane.protocol;

import java.time.Instant;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * What the control plane wants engines to run for one pipeline: published to
 * {@link Topics#PIPELINES} on every change and periodically re-published (reconciliation).
 *
 * @param pipeline the pipeline name
 * @param version the version to run, starting at 1
 * @param state the desired state
 * @param spec the validated spec document of that version (JSON)
 * @param updatedAt when the desired state last changed
 */
public record DesiredState(String pipeline, int version, PipelineState state, JsonNode spec, Instant updatedAt) {

	public DesiredState {
		Objects.requireNonNull(pipeline, "pipeline");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

}
