package io.streamplane.api.web;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.streamplane.api.ControlPlaneProperties;
import io.streamplane.api.web.PreviewRequests.PreviewRequest;
import io.streamplane.engine.preview.PipelinePreview;
import io.streamplane.engine.preview.PreviewBudget;
import io.streamplane.engine.preview.PreviewBudgetException;
import io.streamplane.engine.preview.PreviewResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Runs previews on a bounded pool of their own, never on the web server's threads, each within the
 * budget of {@link ControlPlaneProperties.Preview}. A preview is cancelled when its time is up, when
 * its client goes away, or when the server stops; this lifecycle stops first of all, so a running
 * preview never holds up graceful shutdown.
 */
final class PreviewRunner implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PreviewRunner.class);

	/** How long after its budget a preview that has not stopped itself is answered anyway. */
	private static final Duration GRACE = Duration.ofSeconds(2);

	private final PipelinePreview preview;

	private final ControlPlaneProperties.Preview properties;

	private final PreviewBudget budget;

	private final ThreadPoolExecutor executor;

	private final Set<AtomicBoolean> running = ConcurrentHashMap.newKeySet();

	private volatile boolean stopped = true;

	PreviewRunner(PipelinePreview preview, ControlPlaneProperties.Preview properties) {
		this.preview = preview;
		this.properties = properties;
		this.budget = new PreviewBudget(properties.timeout(), properties.maxSteps(), properties.maxOutputRecords(),
				properties.maxOutputSize().toBytes());
		BlockingQueue<Runnable> queue = properties.queue() == 0 ? new SynchronousQueue<>()
				: new ArrayBlockingQueue<>(properties.queue());
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(properties.threads(), properties.threads(), 1, TimeUnit.MINUTES, queue,
				task -> {
					Thread thread = new Thread(task, "sp-preview-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/** Starts the preview; its answer, or its problem, completes the result. */
	DeferredResult<PreviewResult> run(PreviewRequest request) {
		long start = System.nanoTime();
		AtomicBoolean cancelled = new AtomicBoolean();
		DeferredResult<PreviewResult> result = new DeferredResult<>(properties.timeout().plus(GRACE).toMillis());
		result.onTimeout(() -> {
			cancelled.set(true);
			result.setErrorResult(timeUp());
		});
		result.onError(error -> {
			cancelled.set(true);
			log.debug("Preview cancelled, its request failed: {}", error.toString());
		});
		result.onCompletion(() -> cancelled.set(true));
		if (stopped) {
			throw new PreviewUnavailableException("the server is shutting down; try again on another instance");
		}
		try {
			executor.execute(() -> run(request, start, cancelled, result));
		}
		catch (RejectedExecutionException ex) {
			throw new PreviewUnavailableException("all " + properties.threads() + " preview threads are busy and "
					+ properties.queue() + " previews wait; try again in a few seconds, or raise "
					+ "streamplane.control-plane.preview.threads or streamplane.control-plane.preview.queue");
		}
		return result;
	}

	private void run(PreviewRequest request, long start, AtomicBoolean cancelled, DeferredResult<PreviewResult> result) {
		if (cancelled.get()) {
			return;
		}
		running.add(cancelled);
		try {
			long waited = System.nanoTime() - start;
			PreviewBudget left = new PreviewBudget(budget.time().minusNanos(Math.min(waited,
					budget.time().toNanos() - 1)), budget.maxSteps(), budget.maxOutputRecords(), budget.maxOutputBytes());
			result.setResult(preview.run(request.spec(), request.inputs(), left, cancelled::get));
		}
		catch (PreviewBudgetException ex) {
			result.setErrorResult(ex.part() == PreviewBudget.Part.TIME ? timeUp() : ex);
		}
		catch (RuntimeException ex) {
			result.setErrorResult(ex);
		}
		finally {
			running.remove(cancelled);
		}
	}

	@Override
	public void start() {
		stopped = false;
	}

	/** Cancels every running preview and stops the pool without waiting for them. */
	@Override
	public void stop() {
		stopped = true;
		running.forEach(cancelled -> cancelled.set(true));
		executor.shutdownNow().forEach(task -> log.debug("Dropped a waiting preview at shutdown"));
		try {
			if (!executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("A preview did not stop within {}; shutting down without it", GRACE);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return !stopped;
	}

	/** Stops before the web server's graceful shutdown, which waits for running requests. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	private PreviewBudgetException timeUp() {
		String timeout = text(properties.timeout());
		return new PreviewBudgetException(PreviewBudget.Part.TIME, timeout, "the preview ran longer than " + timeout);
	}

	private static String text(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

	/** No preview can run now: the pool is full or the server is stopping. */
	static final class PreviewUnavailableException extends RuntimeException {

		PreviewUnavailableException(String message) {
			super(message);
		}

	}

}
