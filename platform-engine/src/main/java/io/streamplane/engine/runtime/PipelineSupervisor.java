package io.streamplane.engine.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.streamplane.protocol.PipelineState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipelines of one engine instance: one {@link PipelineRunner} per pipeline that is not
 * deleted, each driven towards its desired state on a {@link SerialExecutor} of its own. One
 * pipeline's actions run in arrival order; different pipelines' run in parallel, so closing or
 * cleaning up one never delays starting another. A deleted pipeline's runner is dropped and its
 * leftovers removed, once per deleted version.
 */
public final class PipelineSupervisor {

	private static final Logger log = LoggerFactory.getLogger(PipelineSupervisor.class);

	private static final Duration STOP_MARGIN = Duration.ofSeconds(5);

	private final EngineServices services;

	private final Map<String, SerialExecutor> lanes = new ConcurrentHashMap<>();

	private final Map<String, PipelineRunner> runners = new ConcurrentHashMap<>();

	private final Map<String, Integer> deletedVersions = new ConcurrentHashMap<>();

	PipelineSupervisor(EngineServices services) {
		this.services = services;
	}

	/** Starts checking the running pipelines every status interval. */
	void start() {
		long interval = services.properties().statusInterval().toMillis();
		services.timer()
			.scheduleWithFixedDelay(() -> runners.forEach((pipeline, runner) -> lane(pipeline).execute(runner::tick)),
					interval, interval, TimeUnit.MILLISECONDS);
	}

	/** Queues a desired state; it is applied after the pipeline's earlier ones, in arrival order. */
	void apply(DesiredVersion desired) {
		lane(desired.pipeline()).execute(() -> {
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

	/**
	 * Stops every pipeline, keeping its state, all at once, after the actions already queued for it;
	 * waits up to the close timeout (plus a margin), then stops the engine's threads and admin
	 * client.
	 */
	void stop() {
		services.timer().shutdownNow();
		CompletableFuture<?>[] stopped = lanes.entrySet()
			.stream()
			.map(lane -> CompletableFuture.runAsync(() -> shutdown(lane.getKey()), lane.getValue()))
			.toArray(CompletableFuture[]::new);
		Duration timeout = services.properties().closeTimeout().plus(STOP_MARGIN);
		try {
			CompletableFuture.allOf(stopped).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			log.warn("Pipelines did not stop within {} ms", timeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		services.workers().shutdown();
		services.topics().close();
	}

	private void shutdown(String pipeline) {
		PipelineRunner runner = runners.get(pipeline);
		if (runner != null) {
			runner.shutdown();
		}
	}

	private SerialExecutor lane(String pipeline) {
		return lanes.computeIfAbsent(pipeline,
				name -> new SerialExecutor("pipeline '" + name + "'", services.workers()));
	}

	private void applyNow(DesiredVersion desired) {
		String pipeline = desired.pipeline();
		if (desired.state() != PipelineState.DELETED) {
			deletedVersions.remove(pipeline);
			runners.computeIfAbsent(pipeline, name -> new PipelineRunner(name, services, lane(name))).apply(desired);
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
