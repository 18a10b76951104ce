package io.streamplane.engine.runtime;

import java.util.stream.Stream;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of every pipeline this instance runs, as {@code pipelines.<name>}: down when the pipeline
 * is {@link RunState#FAILED}, up otherwise, with its state, version and last error as details.
 */
final class PipelinesHealthContributor implements CompositeHealthContributor {

	private final PipelineSupervisor supervisor;

	PipelinesHealthContributor(PipelineSupervisor supervisor) {
		this.supervisor = supervisor;
	}

	@Override
	public HealthContributor getContributor(String name) {
		return supervisor.snapshot(name).isPresent() ? indicator(name) : null;
	}

	@Override
	public Stream<Entry> stream() {
		return supervisor.pipelines().stream().map(name -> new Entry(name, indicator(name)));
	}

	private HealthIndicator indicator(String pipeline) {
		return () -> supervisor.snapshot(pipeline).map(PipelinesHealthContributor::health)
			.orElseGet(() -> Health.unknown().withDetail("state", "DELETED").build());
	}

	private static Health health(PipelineSnapshot snapshot) {
		Health.Builder health = snapshot.state().isDown() ? Health.down() : Health.up();
		health.withDetail("state", snapshot.state().name()).withDetail("version", snapshot.version());
		if (snapshot.lastError() != null) {
			health.withDetail("lastError", snapshot.lastError()).withDetail("lastErrorAt", snapshot.lastErrorAt());
		}
		return health.build();
	}

}
