package io.streamplane.app.controlplane;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Probes {@code /actuator/health/liveness} every 100 ms on a thread of its own, as Kubernetes would, and keeps
 * the slowest answer and every failure since the last {@link #reset()}.
 */
final class LivenessProbe implements AutoCloseable {

	private static final Duration INTERVAL = Duration.ofMillis(100);

	private static final Duration SLOW = Duration.ofMillis(500);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final HttpRequest request;

	private final AtomicLong slowestNanos = new AtomicLong();

	private final AtomicInteger probes = new AtomicInteger();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	private final List<String> slow = new CopyOnWriteArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	private LivenessProbe(int port) {
		this.request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/liveness"))
			.timeout(Duration.ofSeconds(10))
			.build();
		this.thread = Thread.ofPlatform().name("liveness-probe").daemon().start(this::probe);
	}

	static LivenessProbe start(int port) {
		return new LivenessProbe(port);
	}

	/** Forgets what was seen so far. */
	void reset() {
		slowestNanos.set(0);
		probes.set(0);
		failures.clear();
		slow.clear();
	}

	/** The probes since the last reset that took longer than half a second, with when they started. */
	List<String> slow() {
		return List.copyOf(slow);
	}

	/** Waits until {@code count} probes were answered since the last reset. */
	void awaitProbes(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (probes.get() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no liveness probe answered within " + timeout + "; failures: " + failures);
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted", ex);
			}
		}
	}

	/** Probes answered since the last reset. */
	int probes() {
		return probes.get();
	}

	/** The slowest answer since the last reset. */
	Duration slowest() {
		return Duration.ofNanos(slowestNanos.get());
	}

	/** What went wrong since the last reset: a status other than 200, or an exception. */
	List<String> failures() {
		return List.copyOf(failures);
	}

	@Override
	public void close() {
		running = false;
		thread.interrupt();
	}

	private void probe() {
		while (running) {
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					failures.add("status " + response.statusCode() + ": " + response.body());
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (Exception ex) {
				failures.add(ex.toString());
			}
			long took = System.nanoTime() - start;
			slowestNanos.accumulateAndGet(took, Math::max);
			if (took > SLOW.toNanos()) {
				slow.add(Instant.now().minusNanos(took) + " took " + took / 1_000_000 + " ms");
			}
			probes.incrementAndGet();
			try {
				Thread.sleep(INTERVAL);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

}
