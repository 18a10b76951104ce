package io.streamplane.api.registry;

import java.time.Instant;

import io.streamplane.protocol.PipelineState;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A registered pipeline: its latest version and desired state. {@code rowVersion} guards against
 * concurrent updates (optimistic locking).
 */
@Table("pipeline")
record PipelineRow(@Id String name, int latestVersion, PipelineState desiredState, Instant createdAt,
		Instant updatedAt, @Version Long rowVersion) {

	static PipelineRow create(String name, Instant now) {
		return new PipelineRow(name, 1, PipelineState.RUNNING, now, now, null);
	}

	PipelineRow withNewVersion(Instant now) {
		return new PipelineRow(name, latestVersion + 1, desiredState, createdAt, now, rowVersion);
	}

	PipelineRow withDesiredState(PipelineState state, Instant now) {
		return new PipelineRow(name, latestVersion, state, createdAt, now, rowVersion);
	}

	boolean isDeleted() {
		return desiredState == PipelineState.DELETED;
	}

}
