package io.streamplane.engine.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.engine.compile.FinalWindows;
import io.streamplane.engine.compile.PipelineCounters;
import io.streamplane.kernel.FailureKind;
import io.streamplane.kernel.StreamplaneException;
import io.streamplane.protocol.IndexReport;
import io.streamplane.protocol.PipelineState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one pipeline on this engine instance towards its desired state. Every method except the
 * read-only accessors runs on the pipeline's {@link SerialExecutor}, so its lifecycle actions never
 * overlap, and a slow one (closing, removing leftovers) never holds up another pipeline.
 * <ul>
 * <li><b>RUNNING</b>: compile the spec (its {@code emit: final} windows in the layout the version's state
 * is in, {@link FinalWindowsLayout}), check that the input topics exist (else
 * {@link RunState#WAITING_FOR_INPUT} with a last error naming them, checked again every status interval,
 * the error cleared once they exist), create missing output and dead-letter topics, start Kafka Streams
 * as {@code sp-<pipeline>-v<version>}.</li>
 * <li><b>PAUSED</b>: {@code KafkaStreams.pause()}: processing stops, local state and group
 * membership stay, so resuming is instant. A paused pipeline that is not running here is not
 * started.</li>
 * <li><b>New version</b>: the old application is closed and its local state, internal topics and
 * consumer group removed; the new one starts with fresh state and reads its inputs from the
 * earliest offset.</li>
 * <li><b>DELETED</b>: the application is closed and its local state directory
 * ({@code <state-dir>/sp-<pipeline>-v<version>}), internal topics and consumer group removed.</li>
 * <li><b>Failures</b>: restarted after an exponential backoff; after
 * {@code streamplane.engine.restart.max-attempts} consecutive failures, or at once when the spec
 * cannot be compiled or the CDC capture of one of its tables failed permanently (bad credentials, a
 * missing privilege), the pipeline stays {@link RunState#FAILED} until its desired state
 * changes.</li>
 * </ul>
 * Re-publishing an identical desired state (same version and state) changes nothing.
 */
final class PipelineRunner {

	private static final Logger log = LoggerFactory.getLogger(PipelineRunner.class);

	private final String pipeline;

	private final EngineServices services;

	private final Executor lane;

	private final PipelineCounters counters = new PipelineCounters();

	private final PipelineMeters meters;

	private volatile DesiredVersion desired;

	private volatile PipelineApp app;

	private volatile RunState state = RunState.STARTING;

	private volatile String lastError;

	private volatile Instant lastErrorAt;

	private long generation;

	private int failures;

	private boolean waitingForInputs;

	private Instant runningSince;

	PipelineRunner(String pipeline, EngineServices services, Executor lane) {
		this.pipeline = pipeline;
		this.services = services;
		this.lane = lane;
		this.meters = new PipelineMeters(services.registry(), pipeline, counters, this::observedState,
				this::consumerLag);
	}

	/** Moves towards a new desired state (its spec validated already); does nothing if it equals the current one. */
	void apply(DesiredVersion next) {
		DesiredVersion previous = desired;
		if (previous != null && previous.version() == next.version() && previous.state() == next.state()) {
			return;
		}
		desired = next;
		generation++;
		failures = 0;
		PipelineApp current = app;
		boolean sameVersion = current != null && current.version() == next.version();
		if (current != null && (!sameVersion || next.state() == PipelineState.DELETED)) {
			stop(current, true);
			current = null;
		}
		switch (next.state()) {
			case RUNNING -> {
				if (current != null) {
					current.resume();
					state = RunState.RUNNING;
				}
				else {
					start();
				}
			}
			case PAUSED -> {
				if (current != null) {
					current.pause();
				}
				state = RunState.PAUSED;
			}
			case DELETED -> {
				if (!sameVersion) {
					PipelineLeftovers.remove(services, next);
				}
				meters.close();
			}
		}
	}

	/**
	 * Updates what the runner knows from the running app; after a healthy run of
	 * {@code restart.max-backoff}, resets the failure count and clears the last error; fails the pipeline
	 * when the capture of one of its CDC tables failed permanently.
	 */
	void tick() {
		if (failedByCdc()) {
			return;
		}
		PipelineApp current = app;
		if (current == null || current.state() != RunState.RUNNING) {
			runningSince = null;
			return;
		}
		Instant now = Instant.now();
		if (runningSince == null) {
			runningSince = now;
		}
		else if (Duration.between(runningSince, now).compareTo(services.properties().restart().maxBackoff()) >= 0) {
			failures = 0;
			clearError();
		}
	}

	private boolean failedByCdc() {
		DesiredVersion target = desired;
		if (state == RunState.FAILED || target == null || target.state() != PipelineState.RUNNING) {
			return false;
		}
		Optional<String> failure = services.cdcFailures().apply(pipeline);
		if (failure.isEmpty()) {
			return false;
		}
		generation++;
		PipelineApp current = app;
		if (current != null) {
			app = null;
			current.close(services.properties().closeTimeout());
		}
		failed(EngineException.permanent(failure.get(), null), false);
		return true;
	}

	/** Stops the app, keeping its state, e.g. on shutdown. */
	void shutdown() {
		PipelineApp current = app;
		if (current != null) {
			app = null;
			current.close(services.properties().closeTimeout());
		}
	}

	/** Called from a stream thread when the app went to {@code ERROR}. */
	void onAppError(PipelineApp failed) {
		lane.execute(() -> {
			if (failed != app) {
				return;
			}
			app = null;
			failed.close(services.properties().closeTimeout());
			Throwable cause = failed.failure();
			failed(cause != null ? cause : new IllegalStateException("Kafka Streams stopped in state ERROR"), true);
		});
	}

	/** A consistent view for status reports and health checks; callable from any thread. */
	PipelineSnapshot snapshot() {
		DesiredVersion current = desired;
		return new PipelineSnapshot(pipeline, current == null ? 0 : current.version(), observedState(),
				counters.recordsIn(), counters.recordsOut(), consumerLag(), counters.lateRecords(),
				counters.deadLetters(), lastError, lastErrorAt, counters.featureViews(), indexReports());
	}

	/** The state of the running app, or of the runner when no app runs or the pipeline failed. */
	private RunState observedState() {
		RunState observed = state;
		PipelineApp running = app;
		RunState live = running == null ? null : running.state();
		return live != null && observed != RunState.FAILED ? live : observed;
	}

	private long consumerLag() {
		PipelineApp running = app;
		return running == null ? 0 : running.consumerLag();
	}

	private Map<String, IndexReport> indexReports() {
		Map<String, IndexReport> reports = new LinkedHashMap<>();
		counters.indexes().forEach((index, counts) -> reports.put(index, new IndexReport(counts.topic(),
				counts.upserts(), counts.deletes(), counts.newestSourceTime())));
		return reports;
	}

	private void start() {
		state = RunState.STARTING;
		DesiredVersion target = desired;
		FinalWindowsLayout layouts;
		try {
			layouts = FinalWindowsLayout.of(services.compiler(), target.spec());
		}
		catch (RuntimeException ex) {
			failed(EngineException.permanent("pipeline '" + pipeline + "' version " + target.version()
					+ " cannot be compiled by this engine: " + ErrorMessages.describe(ex), ex), false);
			return;
		}
		try {
			String applicationId = StreamsSettings.applicationId(layouts.current().pipeline(), target.version());
			FinalWindows finalWindows = layouts.choose(applicationId, services.topics());
			if (finalWindows == FinalWindows.SUPPRESSION) {
				log.info("Pipeline '{}' version {} keeps the emit: final windows it started with (suppression; "
						+ "found {})", pipeline, target.version(), layouts.legacyOnlyTopics(applicationId));
			}
			CompiledPipeline compiled = services.compiler().compile(target.spec(), counters, finalWindows);
			Set<String> missing = services.topics().prepare(compiled);
			if (!missing.isEmpty()) {
				waitForInputs(missing);
				return;
			}
			if (waitingForInputs) {
				waitingForInputs = false;
				clearError();
			}
			PipelineApp started = new PipelineApp(target.version(), compiled,
					services.settings().forPipeline(compiled, target.version()), services.registry(),
					this::onAppError);
			app = started;
			started.start();
			log.info("Started pipeline '{}' version {} as {}", pipeline, target.version(), started.applicationId());
		}
		catch (RuntimeException ex) {
			PipelineApp current = app;
			app = null;
			if (current != null) {
				current.close(services.properties().closeTimeout());
			}
			failed(ex, StreamplaneException.kindOf(ex) == FailureKind.RETRIABLE);
		}
	}

	private void waitForInputs(Set<String> missing) {
		state = RunState.WAITING_FOR_INPUT;
		waitingForInputs = true;
		Duration retry = services.properties().statusInterval();
		error("input topic(s) " + missing + " of pipeline '" + pipeline + "' do not exist; create them and the "
				+ "pipeline starts within " + retry.toMillis() + " ms");
		later(retry, this::start);
	}

	private void failed(Throwable cause, boolean retriable) {
		waitingForInputs = false;
		error(ErrorMessages.describe(cause));
		failures++;
		int maxAttempts = services.properties().restart().maxAttempts();
		if (!retriable || failures > maxAttempts) {
			state = RunState.FAILED;
			log.error("Pipeline '{}' failed{}; it stays FAILED until its desired state changes: {}", pipeline,
					retriable ? " " + failures + " times in a row" : "", lastError, cause);
			return;
		}
		Duration backoff = services.properties().restart().backoff(failures);
		state = RunState.RESTARTING;
		log.warn("Pipeline '{}' failed (attempt {} of {}); restarting in {} ms: {}", pipeline, failures, maxAttempts,
				backoff.toMillis(), lastError);
		later(backoff, this::start);
	}

	private void stop(PipelineApp current, boolean removeEverything) {
		app = null;
		boolean stopped = current.close(services.properties().closeTimeout());
		if (removeEverything) {
			if (stopped) {
				PipelineLeftovers.removeLocalState(services, current.applicationId());
			}
			PipelineLeftovers.removeShared(services, current.applicationId(), List.of(current.compiled().topology()));
		}
	}

	private void later(Duration delay, Runnable action) {
		long scheduledIn = generation;
		try {
			services.timer().schedule(() -> lane.execute(() -> {
				if (scheduledIn == generation) {
					action.run();
				}
			}), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			log.debug("Engine is stopping; pipeline '{}' is not started again", pipeline);
		}
	}

	private void error(String message) {
		lastError = message;
		lastErrorAt = Instant.now();
	}

	private void clearError() {
		lastError = null;
		lastErrorAt = null;
	}

}
