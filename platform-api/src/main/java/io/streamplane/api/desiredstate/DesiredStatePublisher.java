package io.streamplane.api.desiredstate;

import java.util.concurrent.TimeUnit;

import io.streamplane.api.registry.PipelineChanged;
import io.streamplane.api.registry.PipelineRegistry;
import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes desired pipeline states to the compacted {@link Topics#PIPELINES} topic: right after
 * each committed change, and every {@code streamplane.control-plane.reconcile-interval} for all
 * pipelines, so an engine converges even if a publication was lost while Kafka was unreachable.
 */
public class DesiredStatePublisher {

	private static final Logger log = LoggerFactory.getLogger(DesiredStatePublisher.class);

	private static final long SEND_TIMEOUT_SECONDS = 10;

	private final PipelineRegistry registry;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	DesiredStatePublisher(PipelineRegistry registry, KafkaTemplate<String, String> kafka, JsonMapper json) {
		this.registry = registry;
		this.kafka = kafka;
		this.json = json;
	}

	@TransactionalEventListener
	void onChange(PipelineChanged change) {
		registry.desiredState(change.name()).ifPresent(this::publishQuietly);
	}

	@Scheduled(initialDelayString = "${streamplane.control-plane.reconcile-interval:30s}",
			fixedDelayString = "${streamplane.control-plane.reconcile-interval:30s}")
	void reconcile() {
		registry.desiredStates().forEach(this::publishQuietly);
	}

	/** Publishes one desired state and waits for the broker's acknowledgement. */
	public void publish(DesiredState state) throws Exception {
		kafka.send(Topics.PIPELINES, state.pipeline(), json.writeValueAsString(state))
			.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	private void publishQuietly(DesiredState state) {
		try {
			publish(state);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			log.warn("Could not publish the desired state of pipeline '{}' to {} ({}); the next reconciliation retries",
					state.pipeline(), Topics.PIPELINES, ex.getMessage());
		}
	}

}
