package io.streamplane.rag.index.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.search.ReferenceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes a near-real-time {@link ReferenceManager} on a thread of its own: as soon as {@link #request()} asks
 * (the indexer wrote a batch), else every {@code interval}. The writer never waits for a refresh, and a refresh
 * starts when the batch before it is written rather than up to an interval later. Requests that arrive during a
 * refresh are served by one more refresh right after it.
 */
public final class RefreshLoop implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RefreshLoop.class);

	private final ReferenceManager<?> manager;

	private final long intervalNanos;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition requested = lock.newCondition();

	private final Thread thread;

	private boolean pending;

	private volatile boolean running = true;

	/**
	 * Starts the loop.
	 *
	 * @param manager what to refresh
	 * @param interval the longest time between two refreshes
	 * @param name the thread's name
	 */
	public RefreshLoop(ReferenceManager<?> manager, Duration interval, String name) {
		this.manager = manager;
		this.intervalNanos = interval.toNanos();
		this.thread = Thread.ofPlatform().daemon().name(name).start(this::run);
	}

	/** Asks for a refresh now, without waiting for it. */
	public void request() {
		lock.lock();
		try {
			pending = true;
			requested.signal();
		}
		finally {
			lock.unlock();
		}
	}

	private void run() {
		while (running) {
			if (!awaitRequest()) {
				return;
			}
			try {
				manager.maybeRefreshBlocking();
			}
			catch (IOException | RuntimeException ex) {
				if (running) {
					log.warn("Refreshing the index failed: {}", ex.toString());
				}
			}
		}
	}

	/** Waits for a request or the interval; false once closed. */
	private boolean awaitRequest() {
		lock.lock();
		try {
			long left = intervalNanos;
			while (!pending && running && left > 0) {
				left = requested.awaitNanos(left);
			}
			pending = false;
			return running;
		}
		catch (InterruptedException ex) {
			return false;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Stops the loop and waits for a refresh under way (never interrupted: an interrupt during a flush would close
	 * the index's file channels).
	 */
	@Override
	public void close() {
		lock.lock();
		try {
			running = false;
			requested.signal();
		}
		finally {
			lock.unlock();
		}
		try {
			thread.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
