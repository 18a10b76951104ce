package io.streamplane.api.registry;

import java.time.Instant;

import io.streamplane.protocol.PipelineState;
import tools.jackson.databind.JsonNode;

/**
 * One version of a pipeline with the pipeline's current desired state.
 *
 * @param name the pipeline name
 * @param version the version shown
 * @param latestVersion the newest version
 * @param desiredState the pipeline's desired state
 * @param spec the validated spec of {@code version}, as JSON
 * @param createdAt when the pipeline was first registered
 * @param updatedAt when the pipeline last changed (new version or state)
 * @param versionCreatedAt when {@code version} was created
 * @param versionCreatedBy who created {@code version}
 */
public record PipelineDetails(String name, int version, int latestVersion, PipelineState desiredState, JsonNode spec,
		Instant createdAt, Instant updatedAt, Instant versionCreatedAt, String versionCreatedBy) {
}
