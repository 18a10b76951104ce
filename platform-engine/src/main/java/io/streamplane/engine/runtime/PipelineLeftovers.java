package io.streamplane.engine.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * Removes what a pipeline version leaves behind: its local state directory, its internal
 * (changelog and repartition) topics and its consumer group. Failures are logged, never thrown:
 * clean-up is retried the next time the version is deleted or replaced on some instance.
 */
final class PipelineLeftovers {

	private static final Logger log = LoggerFactory.getLogger(PipelineLeftovers.class);

	private PipelineLeftovers() {
	}

	/** Removes everything of a version this instance is not running, e.g. one deleted while paused. */
	static void remove(EngineServices services, DesiredVersion version) {
		String applicationId = StreamsSettings.applicationId(version.pipeline(), version.version());
		removeLocalState(services, applicationId);
		try {
			removeShared(services, applicationId, FinalWindowsLayout.of(services.compiler(), version.spec()).topologies());
		}
		catch (RuntimeException ex) {
			log.warn("Cannot name the internal topics of {} ({}); deleting only its consumer group", applicationId,
					ErrorMessages.describe(ex));
			deleteGroup(services, applicationId);
		}
	}

	/** Deletes the local state directory of an application that has stopped here, {@code <state-dir>/<id>}. */
	static void removeLocalState(EngineServices services, String applicationId) {
		Path directory = services.properties().stateDir().resolve(applicationId);
		try {
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (IOException ex) {
			log.warn("Could not delete local state {}: {}", directory, ex.getMessage());
		}
	}

	/** Removes the internal topics and the consumer group of an application that has stopped here. */
	static void removeShared(EngineServices services, String applicationId, List<Topology> topologies) {
		try {
			services.topics().deleteInternalTopics(applicationId, topologies);
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete the internal topics of {}: {}", applicationId, ErrorMessages.describe(ex));
		}
		deleteGroup(services, applicationId);
	}

	private static void deleteGroup(EngineServices services, String applicationId) {
		try {
			services.topics().deleteGroup(applicationId);
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete consumer group {}: {}", applicationId, ErrorMessages.describe(ex));
		}
	}

}
