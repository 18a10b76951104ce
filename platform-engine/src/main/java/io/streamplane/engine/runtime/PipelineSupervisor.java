package io.streamplane.engine.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.PipelineState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipelines of one engine instance: one {@link PipelineRunner} per pipeline that is not
 * deleted, each driven towards its desired state on one control thread. A deleted pipeline's
 * runner is dropped and its leftovers removed, once per deleted version.
 */
public final class PipelineSupervisor {

	private static final Logger log = LoggerFactory.getLogger(PipelineSupervisor.class);

	private final EngineServices services;

	private final Map<String, PipelineRunner> runners = new ConcurrentHashMap<>();

	private final Map<String, Integer> deletedVersions = new HashMap<>();

	PipelineSupervisor(EngineServices services) {
		this.services = services;
	}

	/** Starts checking the running pipelines every status interval. */
	void start() {
		long interval = services.properties().statusInterval().toMillis();
		services.control()
			.scheduleWithFixedDelay(() -> runners.values().forEach(PipelineRunner::tick), interval, interval,
					TimeUnit.MILLISECONDS);
	}

	/** Queues a desired state; it is applied on the control thread, in arrival order. */
	void apply(DesiredState desired) {
		services.control().execute(() -> {
			try {
				applyNow(desired);
			}
			catch (RuntimeException ex) {
				log.error("Could not apply the desired state {} of pipeline '{}' version {}", desired.state(),
						desired.pipeline(), desired.version(), ex);
			}
		});
	}

	/** The pipelines this instance knows, by name. */
	public Set<String> pipelines() {
		return new TreeSet<>(runners.keySet());
	}

	/** What this instance knows about one pipeline, if it is not deleted. */
	public Optional<PipelineSnapshot> snapshot(String pipeline) {
		return Optional.ofNullable(runners.get(pipeline)).map(PipelineRunner::snapshot);
	}

	/** What this instance knows about every pipeline. */
	public List<PipelineSnapshot> snapshots() {
		return runners.values().stream().map(PipelineRunner::snapshot).toList();
	}

	/** Stops every pipeline, keeping its state, and the control thread; waits for both. */
	void stop() {
		services.control().execute(() -> runners.values().forEach(PipelineRunner::shutdown));
		services.control().shutdown();
		try {
			long timeout = services.properties().closeTimeout().toMillis() * Math.max(1, runners.size()) + 5_000;
			if (!services.control().awaitTermination(timeout, TimeUnit.MILLISECONDS)) {
				log.warn("Pipelines did not stop within {} ms", timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		services.topics().close();
	}

	private void applyNow(DesiredState desired) {
		String pipeline = desired.pipeline();
		if (desired.state() != PipelineState.DELETED) {
			deletedVersions.remove(pipeline);
			runners.computeIfAbsent(pipeline, name -> new PipelineRunner(name, services)).apply(desired);
			return;
		}
		if (Integer.valueOf(desired.version()).equals(deletedVersions.get(pipeline))) {
			return;
		}
		PipelineRunner runner = runners.remove(pipeline);
		if (runner != null) {
			runner.apply(desired);
		}
		else {
			PipelineLeftovers.remove(services, desired);
		}
		deletedVersions.put(pipeline, desired.version());
		log.info("Pipeline '{}' version {} is deleted on this instance", pipeline, desired.version());
	}

}
