package io.streamplane.api.registry;

import java.time.Instant;

import io.streamplane.protocol.PipelineState;

/**
 * A pipeline in a listing.
 *
 * @param name the pipeline name
 * @param latestVersion the newest version
 * @param desiredState the desired state
 * @param createdAt when the pipeline was first registered
 * @param updatedAt when it last changed
 */
public record PipelineSummary(String name, int latestVersion, PipelineState desiredState, Instant createdAt,
		Instant updatedAt) {

	static PipelineSummary of(PipelineRow row) {
		return new PipelineSummary(row.name(), row.latestVersion(), row.desiredState(), row.createdAt(),
				row.updatedAt());
	}

}
